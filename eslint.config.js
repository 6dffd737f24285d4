/**
 * ESLint for Hearth: typed rules from typescript-eslint, size limits for shipped code, and
 * the import arrows between the parts (DESIGN.md: app → protocol, seed-node → protocol,
 * seed-node → tracker, tracker → protocol for the announce URL format; protocol imports
 * nothing of ours).
 *
 * Why eslint-plugin-boundaries and not dependency-cruiser: the arrows are checked in the
 * same pass, with the same TypeScript-aware parser, as every other rule, so a violation
 * shows up in the editor and in `npm run lint` beside the line that imports, and there is
 * one tool and one config to keep. Its element captures express "a feature folder never
 * imports another feature folder" directly; dependency-cruiser would need a second parser
 * run and a second config file for the same graph.
 *
 * Host typings (no DOM in protocol/, no Node in app/) are the compiler's job: see the
 * tsconfig.json of each part.
 */
import js from '@eslint/js'
import { defineConfig } from 'eslint/config'
import boundaries from 'eslint-plugin-boundaries'
import tseslint from 'typescript-eslint'

/** Shipped code: everything but tests, e2e/ and bench/. */
const PRODUCTION_FILES = ['protocol/**/*.ts', 'tracker/**/*.ts', 'seed-node/**/*.ts', 'app/**/*.{ts,tsx}', 'scripts/**/*.ts']
const TEST_FILES = ['**/__tests__/**']

/**
 * Every file belongs to one element; the first descriptor that matches wins, so the app's
 * inner folders come before `app` itself. Patterns are full paths from the repository root
 * (`partialMatch: false`), so `app/lib` never matches `seed-node/lib`.
 */
const ELEMENTS = [
  { type: 'app-feature', pattern: 'app/features/*', capture: ['feature'] },
  { type: 'app-shell', pattern: 'app/shell' },
  { type: 'app-components', pattern: 'app/components' },
  { type: 'app-hooks', pattern: 'app/hooks' },
  { type: 'app-lib', pattern: 'app/lib' },
  // The rest of app/: main.tsx (see FILES), test-ids.ts (shared with e2e/), vite-env.d.ts.
  { type: 'app-root', pattern: 'app' },
  { type: 'protocol', pattern: 'protocol' },
  { type: 'tracker', pattern: 'tracker' },
  { type: 'seed-node', pattern: 'seed-node' },
  { type: 'e2e', pattern: 'e2e' },
  { type: 'bench', pattern: 'bench' },
  { type: 'scripts', pattern: 'scripts' },
  { type: 'types', pattern: 'types' }
  // The root config files (vite.config.ts, playwright.config.ts, ...) belong to no element:
  // the rule leaves their imports alone, as it does for e2e/ and bench/.
].map(descriptor => ({ partialMatch: false, ...descriptor }))

/** File categories, across elements: main.tsx is the app's entry and wires the shell up. */
const FILES = [
  { category: 'app-entry', pattern: 'app/main.tsx' }
]

const to = (...types) => ({ to: { element: { types: { anyOf: types } } } })
const APP_SHARED = ['app-components', 'app-hooks', 'app-lib', 'app-root', 'protocol']

/**
 * Who may import whom; anything not allowed here is an error (`default: 'disallow'`). When
 * several policies match one import, the last one decides.
 */
const IMPORT_POLICIES = [
  // First, so that the e2e/bench policy below takes them back for themselves.
  {
    disallow: to('e2e', 'bench'),
    message: 'nothing imports e2e/ or bench/: they are test tooling ({{ dependency.source }})'
  },
  { from: { element: { type: 'protocol' } }, allow: to('protocol') },
  { from: { element: { type: 'tracker' } }, allow: to('tracker', 'protocol') },
  { from: { element: { type: 'seed-node' } }, allow: to('seed-node', 'protocol', 'tracker') },
  { from: { element: { type: 'app-shell' } }, allow: to('app-shell', 'app-feature', ...APP_SHARED) },
  // A feature may also import its own folder: see the last-but-one policy.
  { from: { element: { type: 'app-feature' } }, allow: to(...APP_SHARED) },
  { from: { element: { types: { anyOf: ['app-components', 'app-hooks', 'app-lib', 'app-root'] } } }, allow: to(...APP_SHARED) },
  // Test tooling may reach into anything.
  { from: { element: { types: { anyOf: ['e2e', 'bench'] } } }, allow: { to: { element: { type: '*' } } } },
  { from: { element: { type: 'scripts' } }, allow: to('scripts') },
  // The arrows of DESIGN.md once more, as explicit refusals, so the error says which arrow broke.
  {
    from: { element: { types: { anyOf: ['app-*'] } } },
    disallow: to('seed-node', 'tracker'),
    message: 'app/ runs in the browser and may import protocol/, never seed-node/ or tracker/ ({{ dependency.source }})'
  },
  {
    from: { element: { type: 'protocol' } },
    disallow: to('app-*', 'seed-node', 'tracker'),
    message: 'protocol/ is shared by both sides and imports nothing of ours outside protocol/ ({{ dependency.source }})'
  },
  {
    from: { element: { type: 'tracker' } },
    disallow: to('app-*', 'seed-node'),
    message: 'tracker/ knows nothing of media or watch state: it imports only tracker/ and protocol/ formats ({{ dependency.source }})'
  },
  {
    from: { element: { type: 'seed-node' } },
    disallow: to('app-*'),
    message: 'seed-node/ may import protocol/ and tracker/, never app/ ({{ dependency.source }})'
  },
  {
    from: { element: { type: 'app-feature' } },
    disallow: to('app-feature'),
    message: 'a feature folder never imports another feature: move what both need to app/components, app/hooks or app/lib, or let app/shell wire them ({{ dependency.source }})'
  },
  {
    // The last matching policy decides, so this takes a feature's own folder back out of the refusal above.
    from: { element: { type: 'app-feature' } },
    allow: { to: { element: { type: 'app-feature', captured: { feature: '{{ from.element.captured.feature }}' } } } }
  },
  {
    from: { element: { types: { anyOf: ['app-components', 'app-hooks', 'app-lib', 'app-root'] } } },
    disallow: to('app-feature', 'app-shell'),
    message: 'app/components, app/hooks, app/lib and the files at app/ root are shared by features and import none of them ({{ dependency.source }})'
  },
  // main.tsx sits at app/ root but is the entry: like app/shell, it wires everything up.
  { from: { file: { categories: 'app-entry' } }, allow: to('app-shell', 'app-feature', ...APP_SHARED) }
]

export default defineConfig(
  { ignores: ['dist/**', 'dist-node/**', 'node_modules/**', 'vendor/**', 'public/**', 'sample-library/**', 'test-results/**', 'playwright-report/**', '.hearth-state/**'] },
  {
    // The disable comments in the code must name rules that are on and must still be needed.
    linterOptions: { reportUnusedDisableDirectives: 'error' }
  },
  js.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommended],
    languageOptions: {
      parserOptions: {
        // One TypeScript program per part, as tsconfig.json's references describe.
        projectService: true,
        tsconfigRootDir: import.meta.dirname
      }
    },
    plugins: { boundaries },
    settings: {
      'boundaries/elements': ELEMENTS,
      'boundaries/files': FILES,
      'boundaries/include': ['**/*.{ts,tsx}']
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // Unused names are an error, except the `_`-prefixed ones that say "deliberately unused".
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'boundaries/dependencies': ['error', { default: 'disallow', policies: IMPORT_POLICIES }]
    }
  },
  {
    files: PRODUCTION_FILES,
    ignores: TEST_FILES,
    rules: {
      // STYLE.md: a file past ~300 lines is a sign to split; a function past 60 lines too.
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }]
    }
  },
  {
    files: ['**/*.d.ts'],
    rules: {
      // `declare var` is how a declaration file gives globalThis a property (web-platform.d.ts).
      'no-var': 'off',
      // Declarations are read by the compiler, not run: "unused" means used only in a type.
      '@typescript-eslint/no-unused-vars': 'off'
    }
  },
  {
    // This file and other plain JavaScript: no type information, Node globals.
    files: ['**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } }
  }
)
