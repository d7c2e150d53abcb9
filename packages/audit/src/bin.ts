import { main } from './cli';

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
}, (error) => {
  process.stderr.write(`kelisim-audit: ${(error && error.stack) || error}\n`);
  process.exitCode = 2;
});
