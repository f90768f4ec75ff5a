export default async function globalTeardown() {
  await globalThis.__GUICHET_POSTGRES__?.stop();
}
