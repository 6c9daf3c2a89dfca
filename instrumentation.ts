// Next.js start-up hook: in the Node.js server of the local backend, recover interrupted exports and start the render worker.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getConfig } = await import('@/lib/server/config');
  // NemoVideo renders remotely and polls its own exports; the local queue is not used there.
  if (getConfig().EDIT_BACKEND !== 'local') return;
  const { getStore } = await import('@/lib/server/context');
  const { renderWorker } = await import('@/lib/engine/render/renderWorker');
  renderWorker(getStore());
}
