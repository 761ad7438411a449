// commander requires node:child_process at load time for executable subcommands, which tradecalc
// does not use; loading it costs several milliseconds of start-up. This stand-in loads the real
// module only if something ever touches it.
'use strict';
let real;
module.exports = new Proxy(
  {},
  {
    get(_target, key) {
      real ??= require('child_process');
      return real[key];
    },
  },
);
