/**
 * OAuth scopes per management operation (okta-management-openapi-spec `security` blocks,
 * idp-apis.md §2.2). okta.factors.* govern org-level factor admin, not per-user enrollment.
 */
export const OktaScopes = {
  readUsers: 'okta.users.read',
  manageUsers: 'okta.users.manage',
} as const;

export const OKTA_KNOWN_SCOPES = [
  'okta.users.read',
  'okta.users.manage',
  'okta.factors.read',
  'okta.factors.manage',
  'okta.groups.read',
];
