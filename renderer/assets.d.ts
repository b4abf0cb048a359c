/** Stylesheets are imported for their side effect: Vite bundles them into a CSS file (the CSP allows 'self'). */
declare module '*.css';
