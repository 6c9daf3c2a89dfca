// Next.js start-up hook: in the Node.js server, build the app once (for the local backend this recovers interrupted exports and starts the render worker).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { appRoot } = await import('@/lib/server/root');
  appRoot();
}
