// A reply's text with our own download paths (files for other editors) turned into links.
import { Fragment } from 'react';

const DOWNLOAD_PATH = /(\/api\/projects\/[\w-]+\/interchange\/[\w.-]+)/g;

/** The text cut into plain runs and download paths; only our interchange route becomes a link. */
export function downloadParts(text: string): { text: string; href?: string }[] {
  return text
    .split(DOWNLOAD_PATH)
    .map((part, i) => (i % 2 === 1 ? { text: 'Download the file', href: part } : { text: part }))
    .filter((p) => p.href || p.text !== '');
}

export function ReplyText({ text }: { text: string }) {
  return (
    <>
      {downloadParts(text).map((part, i) =>
        part.href ? (
          <a key={i} href={part.href} download className="font-medium text-accent-text underline underline-offset-2">
            {part.text}
          </a>
        ) : (
          <Fragment key={i}>{part.text}</Fragment>
        ),
      )}
    </>
  );
}
