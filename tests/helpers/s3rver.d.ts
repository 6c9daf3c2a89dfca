// The part of s3rver's API the test helper uses (the package ships no types; @types/s3rver would be one more dependency for four lines).
declare module 's3rver' {
  export default class S3rver {
    constructor(options: { port?: number; address?: string; directory: string; silent?: boolean });
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
  }
}
