declare const __VERSION__: string;

/** The CLI's version (from `package.json`, set by the bundler). */
export const VERSION: string = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0';
