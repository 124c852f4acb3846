// Generated from the service OpenAPI 3.1 documents by `npm run api:generate`
// (test/tools/generateApiClients.ts). Do not edit: test/tools/apiClients.test.ts fails on drift.
export interface paths {
    "/devices/{serial}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke a key: delete every active passkey of the serial at its IdP; the key turns REVOKED (404 when the serial has none) */
        post: operations["postDevicesSerialRevoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/directory/idps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** IdP connections to enroll at: id, name, type, default flag and how users are found */
        get: operations["getDirectoryIdps"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/directory/idps/{id}/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search users at an IdP (login/e-mail exact, else name; exact-id providers: the id) */
        get: operations["getDirectoryIdpsIdUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/directory/users/{username}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Resolve a user for assignment by URL: at the user's mapped IdP, else the tenant default */
        get: operations["getDirectoryUsersUsername"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/idps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List IdP connections */
        get: operations["getIdps"];
        put?: never;
        /** Add an IdP connection (secrets sealed at rest) */
        post: operations["postIdps"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/idps/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One IdP connection */
        get: operations["getIdpsId"];
        put?: never;
        post?: never;
        /** Remove an IdP connection */
        delete: operations["deleteIdpsId"];
        options?: never;
        head?: never;
        /** Change an IdP connection; omitted secrets are kept; expectedVersion (from GET) guards against overwriting a newer edit */
        patch: operations["patchIdpsId"];
        trace?: never;
    };
    "/idps/{id}/default": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Make this the tenant default IdP */
        put: operations["putIdpsIdDefault"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/idps/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Test Connection: token + one user; says precisely what failed */
        post: operations["postIdpsIdTest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/idps/{id}/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search users at the IdP (login/e-mail exact, else name) */
        get: operations["getIdpsIdUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/provisioning-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Provisioning requests with their counts */
        get: operations["getProvisioningRequests"];
        put?: never;
        /** Create a provisioning request from a CSV of users */
        post: operations["postProvisioningRequests"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/provisioning-requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One provisioning request */
        get: operations["getProvisioningRequestsId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/provisioning-requests/{id}/next": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Manual mode: record the previous outcome, get the next user */
        post: operations["postProvisioningRequestsIdNext"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/provisioning-requests/{id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Report of a provisioning request (CSV or JSON) */
        get: operations["getProvisioningRequestsIdReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/user-mappings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** User → IdP mappings */
        get: operations["getUserMappings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/user-mappings/{user}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Map a user (login) to an IdP */
        put: operations["putUserMappingsUser"];
        post?: never;
        /** Remove a user mapping */
        delete: operations["deleteUserMappingsUser"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Error: {
            error: {
                /** @enum {string} */
                code: "VALIDATION_FAILED" | "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "METHOD_NOT_ALLOWED" | "CONFLICT" | "DEVICE_BUSY" | "DEVICE_GONE" | "DEVICE_LOCKED" | "DEVICE_NOT_ALLOWED" | "UNSUPPORTED" | "POLICY_VIOLATION" | "CTAP_ERROR" | "ENROLLMENT_EXPIRED" | "ATTESTATION_INVALID" | "PAYLOAD_TOO_LARGE" | "RATE_LIMITED" | "UPSTREAM_UNAVAILABLE" | "UPSTREAM_FAILED" | "IDP_AUTH_FAILED" | "TIMEOUT" | "INVALID_EVENT" | "MALFORMED_EVENT" | "UNKNOWN_EVENT_TYPE" | "EVENT_SIGNATURE_INVALID" | "CONFIG_INVALID" | "SEALED_VALUE_INVALID" | "SEALING_KEY_UNKNOWN" | "VAULT_DECRYPT_FAILED" | "INTERNAL";
                details?: {
                    [key: string]: unknown;
                };
                message: string;
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    postDevicesSerialRevoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                serial: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        revoked: {
                            credentialId: string;
                            idpId: string;
                        }[];
                        serial: string;
                    };
                };
            };
            /** @description Error: VALIDATION_FAILED, INVALID_EVENT, MALFORMED_EVENT, UNKNOWN_EVENT_TYPE, EVENT_SIGNATURE_INVALID, SEALED_VALUE_INVALID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED" | "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "METHOD_NOT_ALLOWED" | "CONFLICT" | "DEVICE_BUSY" | "DEVICE_GONE" | "DEVICE_LOCKED" | "DEVICE_NOT_ALLOWED" | "UNSUPPORTED" | "POLICY_VIOLATION" | "CTAP_ERROR" | "ENROLLMENT_EXPIRED" | "ATTESTATION_INVALID" | "PAYLOAD_TOO_LARGE" | "RATE_LIMITED" | "UPSTREAM_UNAVAILABLE" | "UPSTREAM_FAILED" | "IDP_AUTH_FAILED" | "TIMEOUT" | "INVALID_EVENT" | "MALFORMED_EVENT" | "UNKNOWN_EVENT_TYPE" | "EVENT_SIGNATURE_INVALID" | "CONFIG_INVALID" | "SEALED_VALUE_INVALID" | "SEALING_KEY_UNKNOWN" | "VAULT_DECRYPT_FAILED" | "INTERNAL";
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                    };
                };
            };
            /** @description Error: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED" | "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "METHOD_NOT_ALLOWED" | "CONFLICT" | "DEVICE_BUSY" | "DEVICE_GONE" | "DEVICE_LOCKED" | "DEVICE_NOT_ALLOWED" | "UNSUPPORTED" | "POLICY_VIOLATION" | "CTAP_ERROR" | "ENROLLMENT_EXPIRED" | "ATTESTATION_INVALID" | "PAYLOAD_TOO_LARGE" | "RATE_LIMITED" | "UPSTREAM_UNAVAILABLE" | "UPSTREAM_FAILED" | "IDP_AUTH_FAILED" | "TIMEOUT" | "INVALID_EVENT" | "MALFORMED_EVENT" | "UNKNOWN_EVENT_TYPE" | "EVENT_SIGNATURE_INVALID" | "CONFIG_INVALID" | "SEALED_VALUE_INVALID" | "SEALING_KEY_UNKNOWN" | "VAULT_DECRYPT_FAILED" | "INTERNAL";
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                    };
                };
            };
            /** @description Error: CONFLICT, DEVICE_BUSY, DEVICE_GONE, DEVICE_LOCKED, SEALING_KEY_UNKNOWN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "VALIDATION_FAILED" | "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "METHOD_NOT_ALLOWED" | "CONFLICT" | "DEVICE_BUSY" | "DEVICE_GONE" | "DEVICE_LOCKED" | "DEVICE_NOT_ALLOWED" | "UNSUPPORTED" | "POLICY_VIOLATION" | "CTAP_ERROR" | "ENROLLMENT_EXPIRED" | "ATTESTATION_INVALID" | "PAYLOAD_TOO_LARGE" | "RATE_LIMITED" | "UPSTREAM_UNAVAILABLE" | "UPSTREAM_FAILED" | "IDP_AUTH_FAILED" | "TIMEOUT" | "INVALID_EVENT" | "MALFORMED_EVENT" | "UNKNOWN_EVENT_TYPE" | "EVENT_SIGNATURE_INVALID" | "CONFIG_INVALID" | "SEALED_VALUE_INVALID" | "SEALING_KEY_UNKNOWN" | "VAULT_DECRYPT_FAILED" | "INTERNAL";
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                    };
                };
            };
            /** @description Error: CONFIG_INVALID, VAULT_DECRYPT_FAILED, INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDirectoryIdps: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        isDefault: boolean;
                        name: string;
                        /** @enum {string} */
                        type: "entra" | "okta" | "pingone" | "generic";
                        /** @enum {string} */
                        userSearch: "search" | "exact-id";
                    }[];
                };
            };
            /** @description Error: VALIDATION_FAILED, INVALID_EVENT, MALFORMED_EVENT, UNKNOWN_EVENT_TYPE, EVENT_SIGNATURE_INVALID, SEALED_VALUE_INVALID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: CONFLICT, DEVICE_BUSY, DEVICE_GONE, DEVICE_LOCKED, SEALING_KEY_UNKNOWN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: CONFIG_INVALID, VAULT_DECRYPT_FAILED, INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDirectoryIdpsIdUsers: {
        parameters: {
            query: {
                limit?: number;
                q: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        displayName?: string;
                        email?: string;
                        id: string;
                        name?: string;
                    }[];
                };
            };
            /** @description Error: VALIDATION_FAILED, INVALID_EVENT, MALFORMED_EVENT, UNKNOWN_EVENT_TYPE, EVENT_SIGNATURE_INVALID, SEALED_VALUE_INVALID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: CONFLICT, DEVICE_BUSY, DEVICE_GONE, DEVICE_LOCKED, SEALING_KEY_UNKNOWN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: CONFIG_INVALID, VAULT_DECRYPT_FAILED, INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDirectoryUsersUsername: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        idp: {
                            id: string;
                            name: string;
                            /** @enum {string} */
                            type: "entra" | "okta" | "pingone" | "generic";
                        };
                        user: {
                            displayName?: string;
                            email?: string;
                            id: string;
                            name?: string;
                        };
                    };
                };
            };
            /** @description Error: VALIDATION_FAILED, INVALID_EVENT, MALFORMED_EVENT, UNKNOWN_EVENT_TYPE, EVENT_SIGNATURE_INVALID, SEALED_VALUE_INVALID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: CONFLICT, DEVICE_BUSY, DEVICE_GONE, DEVICE_LOCKED, SEALING_KEY_UNKNOWN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: CONFIG_INVALID, VAULT_DECRYPT_FAILED, INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getIdps: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        createdAt: string;
                        id: string;
                        isDefault: boolean;
                        name: string;
                        secretsSet: string[];
                        settings: {
                            [key: string]: unknown;
                        };
                        /** @enum {string} */
                        type: "entra" | "okta" | "pingone" | "generic";
                        updatedAt: string;
                        version: number;
                    }[];
                };
            };
            /** @description Error: VALIDATION_FAILED, INVALID_EVENT, MALFORMED_EVENT, UNKNOWN_EVENT_TYPE, EVENT_SIGNATURE_INVALID, SEALED_VALUE_INVALID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: CONFLICT, DEVICE_BUSY, DEVICE_GONE, DEVICE_LOCKED, SEALING_KEY_UNKNOWN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: CONFIG_INVALID, VAULT_DECRYPT_FAILED, INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postIdps: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    isDefault?: boolean;
                    name: string;
                    secrets: {
                        clientSecret?: string;
                        /** Format: includes */
                        privateKeyPem?: string;
                        webhookSecret?: string;
                    };
                    settings: {
                        clientId: string;
                        /**
                         * Format: uri
                         * @default https://graph.microsoft.com
                         */
                        graphBaseUrl?: string;
                        /**
                         * Format: uri
                         * @default https://login.microsoftonline.com
                         */
                        loginBaseUrl?: string;
                        tenantId: string;
                        /** @constant */
                        type: "entra";
                    } | {
                        /** Format: uri */
                        authorizationServerUrl?: string;
                        clientId: string;
                        keyId: string;
                        /** Format: uri */
                        orgUrl: string;
                        /**
                         * @default [
                         *       "okta.users.read",
                         *       "okta.users.manage"
                         *     ]
                         */
                        scopes?: string[];
                        /** @constant */
                        type: "okta";
                    } | {
                        /**
                         * Format: uri
                         * @default https://api.pingone.com/v1
                         */
                        apiBaseUrl?: string;
                        /**
                         * Format: uri
                         * @default https://auth.pingone.com
                         */
                        authBaseUrl?: string;
                        clientId: string;
                        envId: string;
                        fido2PolicyId: string;
                        rpId: string;
                        /** @default Keyward */
                        rpName?: string;
                        /** @constant */
                        type: "pingone";
                    } | {
                        clientId: string;
                        rpId: string;
                        /** @default Keyward */
                        rpName?: string;
                        /** Format: uri */
                        scimBaseUrl: string;
                        /** @default [] */
                        scopes?: string[];
                        /** Format: uri */
                        tokenUrl: string;
                        /** @constant */
                        type: "generic";
                        /** Format: uri */
                        webhookUrl: string;
                    };
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        createdAt: string;
                        id: string;
                        isDefault: boolean;
                        name: string;
                        secretsSet: string[];
                        settings: {
                            [key: string]: unknown;
                        };
                        /** @enum {string} */
                        type: "entra" | "okta" | "pingone" | "generic";
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Error: VALIDATION_FAILED, INVALID_EVENT, MALFORMED_EVENT, UNKNOWN_EVENT_TYPE, EVENT_SIGNATURE_INVALID, SEALED_VALUE_INVALID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: CONFLICT, DEVICE_BUSY, DEVICE_GONE, DEVICE_LOCKED, SEALING_KEY_UNKNOWN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: CONFIG_INVALID, VAULT_DECRYPT_FAILED, INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getIdpsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        createdAt: string;
                        id: string;
                        isDefault: boolean;
                        name: string;
                        secretsSet: string[];
                        settings: {
                            [key: string]: unknown;
                        };
                        /** @enum {string} */
                        type: "entra" | "okta" | "pingone" | "generic";
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Error: VALIDATION_FAILED, INVALID_EVENT, MALFORMED_EVENT, UNKNOWN_EVENT_TYPE, EVENT_SIGNATURE_INVALID, SEALED_VALUE_INVALID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: CONFLICT, DEVICE_BUSY, DEVICE_GONE, DEVICE_LOCKED, SEALING_KEY_UNKNOWN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: CONFIG_INVALID, VAULT_DECRYPT_FAILED, INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteIdpsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        createdAt: string;
                        id: string;
                        isDefault: boolean;
                        name: string;
                        secretsSet: string[];
                        settings: {
                            [key: string]: unknown;
                        };
                        /** @enum {string} */
                        type: "entra" | "okta" | "pingone" | "generic";
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Error: VALIDATION_FAILED, INVALID_EVENT, MALFORMED_EVENT, UNKNOWN_EVENT_TYPE, EVENT_SIGNATURE_INVALID, SEALED_VALUE_INVALID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: CONFLICT, DEVICE_BUSY, DEVICE_GONE, DEVICE_LOCKED, SEALING_KEY_UNKNOWN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: CONFIG_INVALID, VAULT_DECRYPT_FAILED, INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchIdpsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    expectedVersion?: number;
                    name?: string;
                    secrets?: {
                        clientSecret?: string;
                        /** Format: includes */
                        privateKeyPem?: string;
                        webhookSecret?: string;
                    };
                    settings?: {
                        clientId: string;
                        /**
                         * Format: uri
                         * @default https://graph.microsoft.com
                         */
                        graphBaseUrl?: string;
                        /**
                         * Format: uri
                         * @default https://login.microsoftonline.com
                         */
                        loginBaseUrl?: string;
                        tenantId: string;
                        /** @constant */
                        type: "entra";
                    } | {
                        /** Format: uri */
                        authorizationServerUrl?: string;
                        clientId: string;
                        keyId: string;
                        /** Format: uri */
                        orgUrl: string;
                        /**
                         * @default [
                         *       "okta.users.read",
                         *       "okta.users.manage"
                         *     ]
                         */
                        scopes?: string[];
                        /** @constant */
                        type: "okta";
                    } | {
                        /**
                         * Format: uri
                         * @default https://api.pingone.com/v1
                         */
                        apiBaseUrl?: string;
                        /**
                         * Format: uri
                         * @default https://auth.pingone.com
                         */
                        authBaseUrl?: string;
                        clientId: string;
                        envId: string;
                        fido2PolicyId: string;
                        rpId: string;
                        /** @default Keyward */
                        rpName?: string;
                        /** @constant */
                        type: "pingone";
                    } | {
                        clientId: string;
                        rpId: string;
                        /** @default Keyward */
                        rpName?: string;
                        /** Format: uri */
                        scimBaseUrl: string;
                        /** @default [] */
                        scopes?: string[];
                        /** Format: uri */
                        tokenUrl: string;
                        /** @constant */
                        type: "generic";
                        /** Format: uri */
                        webhookUrl: string;
                    };
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        createdAt: string;
                        id: string;
                        isDefault: boolean;
                        name: string;
                        secretsSet: string[];
                        settings: {
                            [key: string]: unknown;
                        };
                        /** @enum {string} */
                        type: "entra" | "okta" | "pingone" | "generic";
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Error: VALIDATION_FAILED, INVALID_EVENT, MALFORMED_EVENT, UNKNOWN_EVENT_TYPE, EVENT_SIGNATURE_INVALID, SEALED_VALUE_INVALID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: CONFLICT, DEVICE_BUSY, DEVICE_GONE, DEVICE_LOCKED, SEALING_KEY_UNKNOWN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: CONFIG_INVALID, VAULT_DECRYPT_FAILED, INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putIdpsIdDefault: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        createdAt: string;
                        id: string;
                        isDefault: boolean;
                        name: string;
                        secretsSet: string[];
                        settings: {
                            [key: string]: unknown;
                        };
                        /** @enum {string} */
                        type: "entra" | "okta" | "pingone" | "generic";
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Error: VALIDATION_FAILED, INVALID_EVENT, MALFORMED_EVENT, UNKNOWN_EVENT_TYPE, EVENT_SIGNATURE_INVALID, SEALED_VALUE_INVALID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: CONFLICT, DEVICE_BUSY, DEVICE_GONE, DEVICE_LOCKED, SEALING_KEY_UNKNOWN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: CONFIG_INVALID, VAULT_DECRYPT_FAILED, INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postIdpsIdTest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: true;
                        sampleUser?: {
                            displayName?: string;
                            email?: string;
                            id: string;
                            name?: string;
                        };
                        steps: string[];
                    } | {
                        details: {
                            [key: string]: unknown;
                        };
                        kind: string;
                        message: string;
                        /** @constant */
                        ok: false;
                        step: string;
                    };
                };
            };
            /** @description Error: VALIDATION_FAILED, INVALID_EVENT, MALFORMED_EVENT, UNKNOWN_EVENT_TYPE, EVENT_SIGNATURE_INVALID, SEALED_VALUE_INVALID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: CONFLICT, DEVICE_BUSY, DEVICE_GONE, DEVICE_LOCKED, SEALING_KEY_UNKNOWN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: CONFIG_INVALID, VAULT_DECRYPT_FAILED, INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getIdpsIdUsers: {
        parameters: {
            query: {
                limit?: number;
                q: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        displayName?: string;
                        email?: string;
                        id: string;
                        name?: string;
                    }[];
                };
            };
            /** @description Error: VALIDATION_FAILED, INVALID_EVENT, MALFORMED_EVENT, UNKNOWN_EVENT_TYPE, EVENT_SIGNATURE_INVALID, SEALED_VALUE_INVALID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: CONFLICT, DEVICE_BUSY, DEVICE_GONE, DEVICE_LOCKED, SEALING_KEY_UNKNOWN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: CONFIG_INVALID, VAULT_DECRYPT_FAILED, INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getProvisioningRequests: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        completedAt?: string;
                        createdAt: string;
                        createdBy: string;
                        id: string;
                        idpId?: string;
                        /** @enum {string} */
                        mode: "manual" | "automatic";
                        name: string;
                        policyId: string;
                        summary: {
                            failed: number;
                            pending: number;
                            provisioned: number;
                            skipped: number;
                            total: number;
                        };
                    }[];
                };
            };
            /** @description Error: VALIDATION_FAILED, INVALID_EVENT, MALFORMED_EVENT, UNKNOWN_EVENT_TYPE, EVENT_SIGNATURE_INVALID, SEALED_VALUE_INVALID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: CONFLICT, DEVICE_BUSY, DEVICE_GONE, DEVICE_LOCKED, SEALING_KEY_UNKNOWN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: CONFIG_INVALID, VAULT_DECRYPT_FAILED, INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postProvisioningRequests: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    csv: string;
                    idpId?: string;
                    /**
                     * @default manual
                     * @enum {string}
                     */
                    mode?: "manual" | "automatic";
                    name: string;
                    policyId: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        completedAt?: string;
                        createdAt: string;
                        createdBy: string;
                        id: string;
                        idpId?: string;
                        /** @enum {string} */
                        mode: "manual" | "automatic";
                        name: string;
                        policyId: string;
                        summary: {
                            failed: number;
                            pending: number;
                            provisioned: number;
                            skipped: number;
                            total: number;
                        };
                    };
                };
            };
            /** @description Error: VALIDATION_FAILED, INVALID_EVENT, MALFORMED_EVENT, UNKNOWN_EVENT_TYPE, EVENT_SIGNATURE_INVALID, SEALED_VALUE_INVALID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: CONFLICT, DEVICE_BUSY, DEVICE_GONE, DEVICE_LOCKED, SEALING_KEY_UNKNOWN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: CONFIG_INVALID, VAULT_DECRYPT_FAILED, INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getProvisioningRequestsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        completedAt?: string;
                        createdAt: string;
                        createdBy: string;
                        id: string;
                        idpId?: string;
                        /** @enum {string} */
                        mode: "manual" | "automatic";
                        name: string;
                        policyId: string;
                        summary: {
                            failed: number;
                            pending: number;
                            provisioned: number;
                            skipped: number;
                            total: number;
                        };
                    };
                };
            };
            /** @description Error: VALIDATION_FAILED, INVALID_EVENT, MALFORMED_EVENT, UNKNOWN_EVENT_TYPE, EVENT_SIGNATURE_INVALID, SEALED_VALUE_INVALID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: CONFLICT, DEVICE_BUSY, DEVICE_GONE, DEVICE_LOCKED, SEALING_KEY_UNKNOWN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: CONFIG_INVALID, VAULT_DECRYPT_FAILED, INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postProvisioningRequestsIdNext: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    previous?: {
                        credentialId?: string;
                        /** @constant */
                        outcome: "provisioned";
                        serial: string;
                        userId: string;
                    } | {
                        /** @constant */
                        outcome: "failed";
                        reason: string;
                        serial?: string;
                        userId: string;
                    } | {
                        /** @constant */
                        outcome: "skipped";
                        reason?: string;
                        userId: string;
                    } | {
                        /** @enum {string} */
                        choice: "next_user" | "try_new_device" | "reset_and_provision";
                        /** @constant */
                        outcome: "already_provisioned";
                        serial?: string;
                        userId: string;
                    };
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        idpId?: string;
                        policyId: string;
                        remaining: number;
                        requestId: string;
                        summary: {
                            failed: number;
                            pending: number;
                            provisioned: number;
                            skipped: number;
                            total: number;
                        };
                        user: {
                            displayName?: string;
                            email?: string;
                            id: string;
                            name?: string;
                        } | null;
                    };
                };
            };
            /** @description Error: VALIDATION_FAILED, INVALID_EVENT, MALFORMED_EVENT, UNKNOWN_EVENT_TYPE, EVENT_SIGNATURE_INVALID, SEALED_VALUE_INVALID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: CONFLICT, DEVICE_BUSY, DEVICE_GONE, DEVICE_LOCKED, SEALING_KEY_UNKNOWN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: CONFIG_INVALID, VAULT_DECRYPT_FAILED, INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getProvisioningRequestsIdReport: {
        parameters: {
            query?: {
                format?: "csv" | "json";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Error: VALIDATION_FAILED, INVALID_EVENT, MALFORMED_EVENT, UNKNOWN_EVENT_TYPE, EVENT_SIGNATURE_INVALID, SEALED_VALUE_INVALID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: CONFLICT, DEVICE_BUSY, DEVICE_GONE, DEVICE_LOCKED, SEALING_KEY_UNKNOWN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: CONFIG_INVALID, VAULT_DECRYPT_FAILED, INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getUserMappings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        idpId: string;
                        user: string;
                    }[];
                };
            };
            /** @description Error: VALIDATION_FAILED, INVALID_EVENT, MALFORMED_EVENT, UNKNOWN_EVENT_TYPE, EVENT_SIGNATURE_INVALID, SEALED_VALUE_INVALID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: CONFLICT, DEVICE_BUSY, DEVICE_GONE, DEVICE_LOCKED, SEALING_KEY_UNKNOWN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: CONFIG_INVALID, VAULT_DECRYPT_FAILED, INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putUserMappingsUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    idpId: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        idpId: string;
                        user: string;
                    };
                };
            };
            /** @description Error: VALIDATION_FAILED, INVALID_EVENT, MALFORMED_EVENT, UNKNOWN_EVENT_TYPE, EVENT_SIGNATURE_INVALID, SEALED_VALUE_INVALID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: CONFLICT, DEVICE_BUSY, DEVICE_GONE, DEVICE_LOCKED, SEALING_KEY_UNKNOWN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: CONFIG_INVALID, VAULT_DECRYPT_FAILED, INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteUserMappingsUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        removed: boolean;
                    };
                };
            };
            /** @description Error: VALIDATION_FAILED, INVALID_EVENT, MALFORMED_EVENT, UNKNOWN_EVENT_TYPE, EVENT_SIGNATURE_INVALID, SEALED_VALUE_INVALID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: CONFLICT, DEVICE_BUSY, DEVICE_GONE, DEVICE_LOCKED, SEALING_KEY_UNKNOWN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: CONFIG_INVALID, VAULT_DECRYPT_FAILED, INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
