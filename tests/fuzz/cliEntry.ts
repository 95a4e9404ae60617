/** `twokeys` from the sources, for the fuzzer's spawned sample: `node --import tsx tests/fuzz/cliEntry.ts <args>`. */
import { main } from '../../src/cli/main.js'

await main(process.argv)
