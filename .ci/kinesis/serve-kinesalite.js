// Starts kinesalite on 127.0.0.1, on a port the system picks, and prints its URL once it
// listens: `.ci/run` reads the URL, so no port is guessed and none is taken twice.
// Streams change state in 50 ms instead of 500 (creating, splitting), and the shard limit
// leaves room for the tests' streams, which run at the same time.
'use strict'
const kinesalite = require('kinesalite')

const server = kinesalite({
  createStreamMs: 50,
  deleteStreamMs: 50,
  updateStreamMs: 50,
  shardLimit: 1000,
})
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address()
  console.log(`http://127.0.0.1:${port}`)
})
