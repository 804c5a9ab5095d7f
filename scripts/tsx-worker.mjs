// Development loader for a TypeScript worker thread: the command line, the unit
// tests and the Chromium e2e run the handout worker from its .ts source (the
// app runs the built out/main/handoutWorker.js). tsx is a devDependency.
import { register } from 'tsx/esm/api'
import { workerData } from 'node:worker_threads'

register()
await import(workerData.entry)
