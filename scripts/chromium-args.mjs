/**
 * Flags every headless run here needs: no sandbox as root, no GPU, and nothing that phones home,
 * since the network is closed and refused connections add noise and delay. Shared by the browser
 * tests and kelisim-audit (which bundles it).
 */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
