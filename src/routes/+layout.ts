// Every page is prerendered to route/index.html so any static host, or a sub-path, serves it.
export const prerender = true;
export const trailingSlash = 'always';
