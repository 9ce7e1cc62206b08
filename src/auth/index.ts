export { type ClientCertificate, parseClientCertificate, readClientCertificate } from "./certificate.js";
export { AuthError, TokenError } from "./errors.js";
export { checkTenantId } from "./tenant-id.js";
export { createTokenSource, type SignIn, type TokenSource } from "./tokens.js";
