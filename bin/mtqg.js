#!/usr/bin/env node
// The installed CLI: runs the compiled code (npm run build:server first), or `npm run mtqg -- …` in a checkout.
import('../dist/server/cli/main.js');
