export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { magixTestPostgres?: { stop(): Promise<void> } }).magixTestPostgres;
  await server?.stop();
}
