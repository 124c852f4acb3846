/** Typed path of the identity-provider pages (tests and links build URLs with it). */
export const toIdps = () => '/idps';

/** Every identity route the pages use (GET /idps included) needs this permission. */
export const IDPS_PERMISSION = 'idp:write';
