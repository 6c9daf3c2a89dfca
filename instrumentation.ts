// Next.js start-up hook: in the Node.js server, recover interrupted exports and start the render worker.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getStore } = await import('@/lib/server/context');
  const { renderWorker } = await import('@/lib/engine/render/renderWorker');
  renderWorker(getStore());
}
