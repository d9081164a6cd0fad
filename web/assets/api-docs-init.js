/* global window */
// Starts Swagger UI on this server's /openapi.json. A plain (not module) script: the bundle, loaded
// just before it, is a global.

/**
 * @typedef {{ (options: object): unknown, presets: { apis: unknown } }} SwaggerUIBundleGlobal
 */
const viewer = /** @type {{ SwaggerUIBundle: SwaggerUIBundleGlobal }} */ (/** @type {unknown} */ (window));

viewer.SwaggerUIBundle({
  url: `${window.location.origin}/openapi.json`,
  dom_id: '#swagger-ui',
  presets: [viewer.SwaggerUIBundle.presets.apis],
  // The default validator badge is an image from validator.swagger.io: nothing leaves this server.
  validatorUrl: null,
  deepLinking: true,
  defaultModelsExpandDepth: 0,
  tryItOutEnabled: false,
});
