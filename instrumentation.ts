// Next.js start-up hook, in the Node.js server: the client-address stamp, the session secret, the app built once
// (for the local backend this recovers interrupted exports and starts the render worker), then the housekeeping sweeps.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { installSocketAddressHeader } = await import('@/lib/server/limits/clientAddress');
  installSocketAddressHeader();
  const { appRoot } = await import('@/lib/server/root');
  const { config } = appRoot();
  // Made (or read) at start: a broken DATA_DIR shows at once, and the secret exists before the first visitor.
  const { sessionSecret } = await import('@/lib/server/sessionSecret');
  sessionSecret(config);
  const { startSweeps } = await import('@/lib/server/sweeps');
  await startSweeps().catch((err) => console.error('[sweep] start-up sweep failed', err));
}
