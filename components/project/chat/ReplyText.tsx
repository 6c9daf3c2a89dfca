// A reply's text with our own download paths (files for other editors) turned into links.
import { Fragment } from 'react';

const DOWNLOAD_PATH = /(\/api\/projects\/[\w-]+\/interchange\/[\w.-]+)/g;

export function ReplyText({ text }: { text: string }) {
  const parts = text.split(DOWNLOAD_PATH);
  if (parts.length === 1) return <>{text}</>;
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} href={part} download className="font-medium text-accent-text underline underline-offset-2">
            Download the file
          </a>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}
