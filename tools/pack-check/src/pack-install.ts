import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The workspace root (tools/pack-check/src -> ../../..). */
export const WORKSPACE = fileURLToPath(new URL('../../../', import.meta.url));

/** One file of a tarball as `npm pack --json` lists it. */
export interface PackedFile {
  readonly path: string;
  readonly size: number;
}

/** A tarball `npm pack` wrote. */
export interface Packed {
  readonly name: string;
  readonly filename: string;
  readonly files: readonly PackedFile[];
}

/**
 * The environment for npm in a project outside the workspace: this process's, without the
 * `npm_package_*`, `npm_lifecycle_*` and workspace settings `npm run` sets (they would point
 * npm back at the workspace); registry, cache, proxy and certificate settings stay.
 */
export function outsideNpmEnv(): NodeJS.ProcessEnv {
  const keep = /^npm_config_(registry|cache|userconfig|globalconfig|proxy|https_proxy|noproxy|strict_ssl|cafile|ca|prefer_offline|offline)$/i;
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) || keep.test(key)));
}

/** `npm pack` the workspace package in `packageDir` (relative to the workspace root) into `destination`. */
export function npmPack(packageDir: string, destination: string): Packed {
  const json = execFileSync('npm', ['pack', '--json', '--pack-destination', destination], {
    cwd: `${WORKSPACE}${packageDir}`,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [packed] = JSON.parse(json) as Packed[];
  return packed;
}

/** `npm install` `specs` (tarball paths, package names) into the project in `dir`, with the registry for third-party packages. */
export function npmInstall(dir: string, specs: readonly string[]): void {
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...specs], {
    cwd: dir,
    env: outsideNpmEnv(),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
