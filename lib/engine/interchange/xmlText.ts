// Escaping user text (titles, file names) for XML attributes and text nodes.

/** Also drops control characters XML 1.0 cannot carry at all. */
export function xmlEscape(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A file name as a relative URL beside the exported file: "My take.mp4" -> "./My%20take.mp4". */
export function relativeFileUrl(fileName: string): string {
  return `./${encodeURIComponent(fileName)}`;
}
