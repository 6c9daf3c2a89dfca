import { describe, expect, it } from 'vitest';
import { ProcessError } from '@/lib/engine/process/runProcess';
import { spawnProcess } from '@/lib/local/process/spawnProcess';

// Node itself stands in for ffmpeg: a real process that writes, fails or hangs on request.
const node = (script: string) => [process.execPath, ['-e', script]] as const;

async function failure(run: Promise<unknown>): Promise<unknown> {
  return run.then(() => expect.unreachable('the run should fail'), (err: unknown) => err);
}

// Real processes: starting node takes seconds on a loaded machine.
describe('spawnProcess', { timeout: 30_000 }, () => {
  it('collects stdout and the stderr tail of a run that exits 0', async () => {
    const [bin, args] = node('process.stdout.write("{\\"ok\\":1}"); process.stderr.write("note")');
    expect(await spawnProcess(bin, [...args])).toEqual({ stdout: '{"ok":1}', stderrTail: 'note' });
  });

  it('fails a non-zero exit as a ProcessError with the code and the stderr tail', async () => {
    const [bin, args] = node('process.stderr.write("bad input"); process.exit(3)');
    const err = await failure(spawnProcess(bin, [...args]));
    expect(err).toBeInstanceOf(ProcessError);
    expect(err).toMatchObject({ failure: 'exit', exitCode: 3, stderrTail: 'bad input' });
  });

  it('fails a binary that does not exist as not-started', async () => {
    const err = await failure(spawnProcess('/nonexistent/ffmpeg', ['-version']));
    expect(err).toMatchObject({ failure: 'not-started', exitCode: null });
  });

  it('kills a run that outlives its time limit and says so', async () => {
    const [bin, args] = node('process.stderr.write("working"); setTimeout(() => {}, 60000)');
    const err = await failure(spawnProcess(bin, [...args], { timeoutMs: 1500 }));
    expect(err).toMatchObject({ failure: 'timeout', exitCode: null, stderrTail: 'working' });
  });

  it('rejects with the caller\'s own reason when aborted', async () => {
    const [bin, args] = node('setTimeout(() => {}, 60000)');
    const controller = new AbortController();
    const run = spawnProcess(bin, [...args], { signal: controller.signal });
    const reason = new Error('export canceled');
    setTimeout(() => controller.abort(reason), 100);
    expect(await failure(run)).toBe(reason);
  });

  it('streams stdout to a consumer, waiting for it, and fails with the consumer\'s error', async () => {
    const [bin, args] = node('for (let i = 0; i < 5; i++) process.stdout.write("x".repeat(70000))');
    let bytes = 0;
    const result = await spawnProcess(bin, [...args], { onStdout: async (chunk) => void (bytes += chunk.length) });
    expect({ bytes, stdout: result.stdout }).toEqual({ bytes: 350000, stdout: '' });

    const broken = new Error('the model failed');
    expect(await failure(spawnProcess(bin, [...args], { onStdout: () => Promise.reject(broken) }))).toBe(broken);
  });

  it('reports the process id once started', async () => {
    const [bin, args] = node('process.stdout.write(String(process.pid))');
    let pid = 0;
    const { stdout } = await spawnProcess(bin, [...args], { onStart: (p) => (pid = p) });
    expect(pid).toBe(Number(stdout));
  });
});
