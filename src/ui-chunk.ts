// What the UI chunk brings to the gate: the banner and the dialog, the host that reads the rest
// of the config for them, and the cleanup a refusal needs. The script tag's kelisim-ui.js hands
// it over on a symbol (entry-ui.ts); a bundler's build imports it.
export { connect } from './core/host';
export { mount } from './ui/index';
export { deleteCookies } from './gate/cleanup';
