#!/usr/bin/env node
// Runs Doyensec's Electronegativity over the app's source (electron/, renderer/,
// shared/ and package.json), offline, and fails on any HIGH or MEDIUM finding
// that security/electronegativity-accepted.json does not explain.
//
// Why not `npx electronegativity`:
// - its TypeScript parser (@typescript-eslint/typescript-estree 4) requires
//   `typescript` and finds the project's TypeScript 7, which has no JS API, so
//   it crashes on load; the package ships typescript 4.2.4 in its own
//   node_modules, and this script points the parser at that copy;
// - it reaches the network twice: its i18n module fetches translations, and
//   AvailableSecurityFixesGlobalCheck asks for Electron releases. The first is
//   replaced by the same set-up without the download, the second is excluded,
//   and `got` (its only HTTP client) is replaced by a function that throws, so
//   any other attempt fails the run instead of going out;
// - its exit code is 0 even with HIGH findings.
'use strict'

const Module = require('node:module')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')

// --root DIR scans another tree (the gate's own test uses a fixture app).
const rootFlag = process.argv.indexOf('--root')
const repoRoot = rootFlag === -1 ? path.resolve(__dirname, '..') : path.resolve(process.argv[rootFlag + 1])
const scanned = ['electron', 'renderer', 'shared', 'package.json']
const acceptedPath = path.join(repoRoot, 'security/electronegativity-accepted.json')
const packageDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json', { paths: [__dirname] }))
const nestedTypescript = path.join(packageDir, 'node_modules/typescript')
const offlineI18n = path.join(packageDir, 'dist/locales/i18n.js')
const excludedChecks = ['AvailableSecurityFixesGlobalCheck']

// 1. The parser gets TypeScript 4.2.4, not the project's TypeScript 7.
const resolveFilename = Module._resolveFilename
Module._resolveFilename = function (request, parent, ...rest) {
  if (
    (request === 'typescript' || request.startsWith('typescript/')) &&
    parent?.filename?.includes(`${path.sep}@typescript-eslint${path.sep}`)
  ) {
    return resolveFilename.call(this, request.replace(/^typescript/, nestedTypescript), parent, ...rest)
  }
  return resolveFilename.call(this, request, parent, ...rest)
}

// 2. No network: i18n is set up from the bundled locales; `got`, called or
// used as got.get/got.head…, records the attempt and throws (the package
// swallows such errors, so main() fails the run on any recorded attempt).
const networkAttempts = []
function offlineGot(from) {
  const refuse = (what) => {
    networkAttempts.push(`${from}: ${what}`)
    throw new Error(`offline: Electronegativity tried to reach the network (${what} from ${from})`)
  }
  return new Proxy(function got() {}, {
    apply: (_target, _this, args) => refuse(`got(${String(args[0])})`),
    get: (_target, property) =>
      property === 'then' || property === '__esModule' ? undefined : (...args) => refuse(`got.${String(property)}(${String(args[0])})`),
  })
}
const load = Module._load
Module._load = function (request, parent, ...rest) {
  const fromPackage = parent?.filename?.startsWith(packageDir + path.sep)
  if (fromPackage && request === 'got') return offlineGot(path.relative(packageDir, parent.filename))
  if (fromPackage && resolveFilename.call(Module, request, parent) === offlineI18n) {
    const i18n = require(require.resolve('i18n', { paths: [packageDir] }))
    return async function offline() {
      i18n.configure({
        locales: ['en-US'],
        defaultLocale: 'en-US',
        directory: path.dirname(offlineI18n),
        updateFiles: false,
        objectNotation: true,
        retryInDefaultLocale: true,
        register: global,
      })
      i18n.setLocale('en-US')
    }
  }
  return load.call(this, request, parent, ...rest)
}

/** Copies the scanned paths into one folder, so global checks (CSP, navigation…) see the whole app at once. */
function stage() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mollet-electronegativity-'))
  for (const entry of scanned) fs.cpSync(path.join(repoRoot, entry), path.join(dir, entry), { recursive: true })
  return dir
}

/** The files Electronegativity reads (its own filter: scripts, HTML, package.json). */
function countScanned(dir) {
  return fs
    .readdirSync(dir, { recursive: true })
    .filter((f) => /\.(js|jsx|ts|tsx|html|htm)$/.test(f) || path.basename(f) === 'package.json').length
}

function readAccepted() {
  const entries = JSON.parse(fs.readFileSync(acceptedPath, 'utf8'))
  if (!Array.isArray(entries)) throw new Error(`${acceptedPath}: expected an array`)
  for (const e of entries) {
    if (typeof e.check !== 'string' || typeof e.file !== 'string' || typeof e.reason !== 'string' || e.reason.trim().length < 20) {
      throw new Error(`${acceptedPath}: every entry needs "check", "file" and a real "reason": ${JSON.stringify(e)}`)
    }
  }
  return entries
}

async function main() {
  const run = require(path.join(packageDir, 'dist/runner.js'))
  const accepted = readAccepted()
  const input = stage()
  const files = countScanned(input)
  let result
  try {
    result = await run({ input, excludeFromScan: excludedChecks, isRelative: true }, false)
  } finally {
    fs.rmSync(input, { recursive: true, force: true })
  }

  const failures = []
  for (const attempt of networkAttempts) failures.push(`network attempt: ${attempt}`)
  const unparsed = result.errors.filter((e) => !e.tolerable)
  for (const e of unparsed) failures.push(`not scanned (parse error): ${path.relative(input, e.file)}: ${e.message}`)

  const serious = result.issues.filter((i) => i.severity.value >= 2)
  const tolerated = result.errors.filter((e) => e.tolerable)
  for (const e of tolerated) console.log(`  parser warning (file still scanned): ${path.relative(input, e.file)}: ${e.message}`)
  const used = new Set()
  console.log(
    `Electronegativity: ${files} files, ${result.atomicChecks} atomic and ${result.globalChecks} global checks (${excludedChecks.join(', ')} excluded: it calls the network), ${result.issues.length} findings.`,
  )
  for (const issue of result.issues) {
    const where = `${issue.file}:${issue.location.line}:${issue.location.column}`
    const label = `${issue.severity.name.padEnd(13)} ${issue.confidence.name.padEnd(9)} ${issue.id.padEnd(36)} ${where}`
    if (issue.severity.value < 2) {
      console.log(`  ${label}`)
      continue
    }
    const index = accepted.findIndex((a) => a.check === issue.id && a.file === issue.file)
    if (index === -1) {
      failures.push(`unexplained ${issue.severity.name} finding ${issue.id} at ${where}: ${issue.description}`)
      console.log(`✗ ${label}`)
    } else {
      used.add(index)
      console.log(`✓ ${label}\n      accepted: ${accepted[index].reason}`)
    }
  }
  accepted.forEach((a, i) => {
    if (!used.has(i))
      failures.push(`stale entry in security/electronegativity-accepted.json (no such finding any more): ${a.check} ${a.file}`)
  })

  if (failures.length > 0) {
    console.error(`\nlint:security failed:\n${failures.map((f) => `  - ${f}`).join('\n')}`)
    process.exitCode = 1
  } else {
    console.log(`lint:security passed: ${serious.length} HIGH/MEDIUM findings, each explained in security/electronegativity-accepted.json.`)
  }
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
