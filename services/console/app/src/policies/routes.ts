/** Typed paths and permissions of the Policies feature (tests and links build URLs with these). */
export const POLICIES_READ_PERMISSION = 'device:read';
export const POLICIES_WRITE_PERMISSION = 'policy:write';

export const toPolicies = () => '/policies';
export const toNewPolicy = () => '/policies/new';
export const toPolicy = (id: string) => `/policies/${encodeURIComponent(id)}`;
