// Escaping for values placed inside an ffmpeg filter graph string (file paths, never user text).

const PLAIN = /^[A-Za-z0-9/._-]+$/;

/**
 * Makes `value` safe as one option value inside `-filter_complex`. ffmpeg unescapes twice: the
 * graph parser (quotes and backslashes, delimiters `[],;`) and then the filter's option parser
 * (quotes and backslashes, delimiters `:=`). So: quote for the option level, then backslash every
 * quote, backslash and graph delimiter for the graph level. Plain paths pass unchanged.
 */
export function escapeFilterValue(value: string): string {
  if (PLAIN.test(value)) return value;
  const optionLevel = `'${value.replace(/'/g, "'\\''")}'`;
  return optionLevel.replace(/[\\'[\],;]/g, (c) => `\\${c}`);
}
