// What uploads we accept, in the words shown to users (the error table's 4001 message and probe refusals share it).
export const SUPPORTED_FORMATS_TEXT =
  'Unsupported file. Use a video (MP4, MOV, AVI, WebM, MKV), audio (MP3, WAV, M4A, AAC, OGG, FLAC) or image (JPG, PNG, GIF, WebP), or captions (SRT, VTT).';
