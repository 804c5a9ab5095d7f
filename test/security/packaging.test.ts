// The installers' configuration (electron-builder.json): valid for the
// installed electron-builder, the targets and icons of each platform, the
// knowledge base shipped where main looks for it (resourcesDirFor in
// electron/main/shell.ts), no auto-update, and the Electron fuses — flipped by
// electron-builder's own code on a stand-in binary and read back.
import { describe, expect, it } from 'vitest'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import { resourcesDirFor } from '../../electron/main/shell'

const repoRoot = join(import.meta.dirname, '../..')
const require = createRequire(import.meta.url)
const config = JSON.parse(readFileSync(join(repoRoot, 'electron-builder.json'), 'utf8'))
const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'))

describe('electron-builder configuration', () => {
  it('is the file electron-builder loads, and valid against its schema', async () => {
    const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config')
    const loaded = await getConfig(repoRoot, null, null)
    expect(loaded.appId).toBe('fr.mollet.app')
    await expect(validateConfiguration(loaded, { isEnabled: false, add() {} })).resolves.toBeUndefined()
  })

  it('names the app and ships only the build and package.json, with no auto-update', () => {
    expect(config.appId).toBe('fr.mollet.app')
    expect(config.productName).toBe('Mollet')
    expect(config.files).toEqual(['out/**', 'package.json'])
    expect(pkg.main).toMatch(/^out\//)
    expect(config.asar).toBe(true)
    // No publish provider: no update feed, nothing for the app to fetch.
    expect(config.publish).toBeNull()
  })

  it('ships the knowledge base as resources/, where main looks for it once packaged', () => {
    expect(config.extraResources).toEqual([{ from: 'resources', to: 'resources', filter: ['**/*', '!icons/**'] }])
    const [{ from, to }] = config.extraResources
    // Packaged: electron-builder copies extraResources to `to` under process.resourcesPath.
    const resourcesPath = '/opt/Mollet/resources'
    expect(resourcesDirFor({ isPackaged: true, resourcesPath, appPath: join(resourcesPath, 'app.asar') })).toBe(join(resourcesPath, to))
    // From the repository (npm start): the folder electron-builder ships from, holding the knowledge base.
    const unpackaged = resourcesDirFor({ isPackaged: false, resourcesPath: '/usr/lib/electron/resources', appPath: repoRoot })
    expect(unpackaged).toBe(join(repoRoot, from))
    expect(existsSync(join(unpackaged, 'knowledge', 'causes.json'))).toBe(true)
  })

  it('builds AppImage and deb, NSIS, and dmg, each with its icon and category', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.linux.category).toBe('Science;MedicalSoftware')
    expect(config.linux.maintainer).toMatch(/^.+ <[^@\s]+@[^>\s]+>$/)
    expect(config.linux.icon).toBe('resources/icons')
    expect(config.win.target).toEqual(['nsis'])
    expect(config.win.icon).toBe('resources/icons/icon.ico')
    expect(config.mac.target).toEqual(['dmg'])
    expect(config.mac.icon).toBe('resources/icons/icon.icns')
    expect(config.mac.category).toBe('public.app-category.medical')
  })

  it('has the icons each platform needs', () => {
    const icons = join(repoRoot, 'resources/icons')
    const pngSize = (file: string) => {
      const png = readFileSync(join(icons, file))
      expect(png.subarray(1, 4).toString()).toBe('PNG')
      return [png.readUInt32BE(16), png.readUInt32BE(20)]
    }
    expect(pngSize('512x512.png')).toEqual([512, 512])
    expect(pngSize('256x256.png')).toEqual([256, 256])
    const ico = readFileSync(join(icons, 'icon.ico'))
    expect(ico.readUInt16LE(2)).toBe(1) // an icon, not a cursor
    const widths = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + 16 * i] || 256)
    expect(widths).toContain(256)
    const icns = readFileSync(join(icons, 'icon.icns'))
    expect(icns.subarray(0, 4).toString()).toBe('icns')
    expect(icns.readUInt32BE(4)).toBe(icns.length)
    expect(icns.includes(Buffer.from('ic09'))).toBe(true) // 512×512
  })

  it('has `npm run dist`: build, then electron-builder', () => {
    expect(pkg.scripts.dist).toBe('npm run build && electron-builder')
  })
})

describe('Electron fuses', () => {
  it('are all set, to the hardened value', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    })
  })

  it('are flipped by electron-builder as configured (on a stand-in binary)', async () => {
    const { PlatformPackager } = require('app-builder-lib')
    const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
    const [on, off] = ['1'.charCodeAt(0), '0'.charCodeAt(0)]
    // Electron's defaults, in wire order: RunAsNode on, cookie encryption off, NODE_OPTIONS on,
    // inspect on, ASAR integrity off, only-ASAR off, V8 snapshot off, file:// privileges on, WASM traps on.
    const defaults = [on, off, on, on, off, off, off, on, on]
    const dir = mkdtempSync(join(tmpdir(), 'mollet-fuses-'))
    try {
      writeFileSync(
        join(dir, 'mollet'),
        Buffer.concat([Buffer.alloc(4096, 7), Buffer.from(SENTINEL), Buffer.from([1, defaults.length, ...defaults]), Buffer.alloc(64)]),
      )
      const fuses = await PlatformPackager.prototype.generateFuseConfig.call(null, config.electronFuses)
      await PlatformPackager.prototype.addElectronFuses.call(
        { appInfo: { productFilename: 'mollet' } },
        { appOutDir: dir, electronPlatformName: 'linux' },
        fuses,
      )
      const wire = await getCurrentFuseWire(join(dir, 'mollet'))
      const state = (option: FuseV1Options) => String.fromCharCode(wire[option] as number)
      expect(state(FuseV1Options.RunAsNode)).toBe('0')
      expect(state(FuseV1Options.EnableCookieEncryption)).toBe('1')
      expect(state(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe('0')
      expect(state(FuseV1Options.EnableNodeCliInspectArguments)).toBe('0')
      expect(state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe('1')
      expect(state(FuseV1Options.OnlyLoadAppFromAsar)).toBe('1')
      expect(state(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe('0')
      expect(state(FuseV1Options.LoadBrowserProcessSpecificV8Snapshot)).toBe('0') // left as Electron ships it
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
