// Next.js start-up hook: the client-address stamp, the session secret, the housekeeping sweeps, and (local backend) export recovery and the render worker.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { installSocketAddressHeader } = await import('@/lib/server/limits/clientAddress');
  installSocketAddressHeader();
  const { getConfig } = await import('@/lib/server/config');
  // Made (or read) at start: a broken DATA_DIR shows at once, and the secret exists before the first visitor.
  const { sessionSecret } = await import('@/lib/server/sessionSecret');
  sessionSecret(getConfig());
  const { startSweeps } = await import('@/lib/server/sweeps');
  await startSweeps().catch((err) => console.error('[sweep] start-up sweep failed', err));
  // NemoVideo renders remotely and polls its own exports; the local queue is not used there.
  if (getConfig().EDIT_BACKEND !== 'local') return;
  const { getStore } = await import('@/lib/server/context');
  const { renderWorker } = await import('@/lib/engine/render/renderWorker');
  renderWorker(getStore());
}
