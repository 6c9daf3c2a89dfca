// The hidden file input behind every "choose files" control: video, audio and images (the camera roll on phones).
'use client';
import { forwardRef } from 'react';
import { MEDIA_ACCEPT } from './useFileDrop';

export const MediaFileInput = forwardRef<
  HTMLInputElement,
  { id: string; label: string; disabled?: boolean; onFiles: (files: File[]) => void }
>(function MediaFileInput({ id, label, disabled, onFiles }, ref) {
  return (
    <input
      ref={ref}
      id={id}
      type="file"
      multiple
      accept={MEDIA_ACCEPT}
      aria-label={label}
      className="sr-only"
      disabled={disabled}
      onChange={(e) => {
        const files = Array.from(e.target.files ?? []);
        // Cleared so choosing the same file again still fires a change.
        e.target.value = '';
        if (files.length > 0) onFiles(files);
      }}
    />
  );
});
