// Generated from the service OpenAPI 3.1 documents by `npm run api:generate`
// (test/tools/generateApiClients.ts). Do not edit: test/tools/apiClients.test.ts fails on drift.
export interface paths {
    "/devices/{serial}/pins/admin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Initial admin PIN of a device (audited as keyward.pin.read) */
        get: operations["getDevicesSerialPinsAdmin"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/devices/{serial}/pins/user": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Initial user PIN of a device (audited as keyward.pin.read) */
        get: operations["getDevicesSerialPinsUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/devices/{serial}/unlock-response": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Remote-unlock response for the challenge a locked key shows (audited) */
        post: operations["postDevicesSerialUnlockResponse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Status of the FIDO MDS3 BLOB in use (last good) and the last rejection */
        get: operations["getMds"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mds/entries/{aaguid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the metadata says about one AAGUID (status, certification, roots) */
        get: operations["getMdsEntriesAaguid"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mds/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Fetch the configured BLOB now; a bad BLOB leaves the last good one in use */
        post: operations["postMdsRefresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List policies (current versions) */
        get: operations["getPolicies"];
        put?: never;
        /** Create a policy (version 1) */
        post: operations["postPolicies"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/policies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One policy; the current version unless ?version=N */
        get: operations["getPoliciesId"];
        /** Replace a policy; expectedVersion must be the current version (else 409) */
        put: operations["putPoliciesId"];
        post?: never;
        /** Delete a policy at ?expectedVersion=N (history stays); 409 listing the serials while keys are linked to it */
        delete: operations["deletePoliciesId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/policies/{id}/devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Keys linked to this policy (READY until configured) */
        get: operations["getPoliciesIdDevices"];
        put?: never;
        /** Link keys by serial to the current version of this policy (a linked key moves) */
        post: operations["postPoliciesIdDevices"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/policies/{id}/devices/{serial}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Unlink a key from this policy */
        delete: operations["deletePoliciesIdDevicesSerial"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/policies/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Version history of a policy (kept after delete) */
        get: operations["getPoliciesIdVersions"];
        put?: never;
        post?: never;
        delete?: never;
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
    getDevicesSerialPinsAdmin: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                serial: string;
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
                        adminPin?: string;
                        serial: string;
                        userPin?: string;
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
            /** @description Error: RATE_LIMITED */
            429: {
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
    getDevicesSerialPinsUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                serial: string;
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
                        adminPin?: string;
                        serial: string;
                        userPin?: string;
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
            /** @description Error: RATE_LIMITED */
            429: {
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
    postDevicesSerialUnlockResponse: {
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
                    challenge: string;
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
                        response: string;
                        responseBase64url: string;
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
            /** @description Error: RATE_LIMITED */
            429: {
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
    getMds: {
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
                        configured: boolean;
                        entries: number;
                        lastError?: {
                            at: string;
                            check: string;
                            message: string;
                        };
                        loaded: boolean;
                        loadedAt?: string;
                        nextUpdate?: string;
                        no?: number;
                        stale: boolean;
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
    getMdsEntriesAaguid: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                aaguid: string;
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
                        aaguid: string;
                        attestationRootCertificates?: string[];
                        blockedBy?: string;
                        certificationLevel?: string;
                        description?: string;
                        known: boolean;
                        status?: string;
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
    postMdsRefresh: {
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
                        configured: boolean;
                        entries: number;
                        lastError?: {
                            at: string;
                            check: string;
                            message: string;
                        };
                        loaded: boolean;
                        loadedAt?: string;
                        nextUpdate?: string;
                        no?: number;
                        stale: boolean;
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
    getPolicies: {
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
                        policies: {
                            adminPin: {
                                /** @default false */
                                enabled: boolean;
                                /** @default 12 */
                                length: number;
                            };
                            authenticators: {
                                /** @default [] */
                                allowedAaguids: string[];
                                /** @default [] */
                                blockedAaguids: string[];
                                /** @enum {string} */
                                requiredCertification?: "FIDO_CERTIFIED_L1" | "FIDO_CERTIFIED_L1plus" | "FIDO_CERTIFIED_L2" | "FIDO_CERTIFIED_L2plus" | "FIDO_CERTIFIED_L3" | "FIDO_CERTIFIED_L3plus";
                                /** @default false */
                                requireMetadata: boolean;
                            };
                            createdAt: string;
                            /** @default  */
                            description: string;
                            id: string;
                            idpId?: string;
                            key: {
                                alwaysUv?: boolean;
                                credProtect?: 1 | 2 | 3;
                                /** @default false */
                                enterpriseAttestation: boolean;
                                minPinLength?: number;
                                /** @default [] */
                                minPinLengthRpIds: string[];
                                /**
                                 * @default preferred
                                 * @enum {string}
                                 */
                                residentKey: "required" | "preferred" | "discouraged";
                            };
                            name: string;
                            pin: {
                                /** @default false */
                                changeAtIssuance: boolean;
                                /**
                                 * @default [
                                 *       "digits"
                                 *     ]
                                 */
                                characterClasses: ("digits" | "lowercase" | "uppercase" | "symbols")[];
                                /**
                                 * @default disguised
                                 * @enum {string}
                                 */
                                delivery: "displayed" | "disguised" | "not-displayed";
                                /** @default true */
                                forbidRepeats: boolean;
                                /** @default true */
                                forbidSequences: boolean;
                                /** @default 8 */
                                generatedLength: number;
                                /**
                                 * @default random
                                 * @enum {string}
                                 */
                                initialPin: "random" | "admin-chosen";
                                minLength: number;
                                /** @default false */
                                requireEachClass: boolean;
                            };
                            updatedAt: string;
                            updatedBy: string;
                            version: number;
                        }[];
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
    postPolicies: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default {} */
                    adminPin?: {
                        /** @default false */
                        enabled?: boolean;
                        /** @default 12 */
                        length?: number;
                    };
                    /** @default {} */
                    authenticators?: {
                        /** @default [] */
                        allowedAaguids?: string[];
                        /** @default [] */
                        blockedAaguids?: string[];
                        /** @enum {string} */
                        requiredCertification?: "FIDO_CERTIFIED_L1" | "FIDO_CERTIFIED_L1plus" | "FIDO_CERTIFIED_L2" | "FIDO_CERTIFIED_L2plus" | "FIDO_CERTIFIED_L3" | "FIDO_CERTIFIED_L3plus";
                        /** @default false */
                        requireMetadata?: boolean;
                    };
                    /** @default  */
                    description?: string;
                    idpId?: string;
                    /** @default {} */
                    key?: {
                        alwaysUv?: boolean;
                        credProtect?: 1 | 2 | 3;
                        /** @default false */
                        enterpriseAttestation?: boolean;
                        minPinLength?: number;
                        /** @default [] */
                        minPinLengthRpIds?: string[];
                        /**
                         * @default preferred
                         * @enum {string}
                         */
                        residentKey?: "required" | "preferred" | "discouraged";
                    };
                    name: string;
                    pin: {
                        /** @default false */
                        changeAtIssuance?: boolean;
                        /**
                         * @default [
                         *       "digits"
                         *     ]
                         */
                        characterClasses?: ("digits" | "lowercase" | "uppercase" | "symbols")[];
                        /**
                         * @default disguised
                         * @enum {string}
                         */
                        delivery?: "displayed" | "disguised" | "not-displayed";
                        /** @default true */
                        forbidRepeats?: boolean;
                        /** @default true */
                        forbidSequences?: boolean;
                        /** @default 8 */
                        generatedLength?: number;
                        /**
                         * @default random
                         * @enum {string}
                         */
                        initialPin?: "random" | "admin-chosen";
                        minLength: number;
                        /** @default false */
                        requireEachClass?: boolean;
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
                        adminPin: {
                            /** @default false */
                            enabled: boolean;
                            /** @default 12 */
                            length: number;
                        };
                        authenticators: {
                            /** @default [] */
                            allowedAaguids: string[];
                            /** @default [] */
                            blockedAaguids: string[];
                            /** @enum {string} */
                            requiredCertification?: "FIDO_CERTIFIED_L1" | "FIDO_CERTIFIED_L1plus" | "FIDO_CERTIFIED_L2" | "FIDO_CERTIFIED_L2plus" | "FIDO_CERTIFIED_L3" | "FIDO_CERTIFIED_L3plus";
                            /** @default false */
                            requireMetadata: boolean;
                        };
                        createdAt: string;
                        /** @default  */
                        description: string;
                        id: string;
                        idpId?: string;
                        key: {
                            alwaysUv?: boolean;
                            credProtect?: 1 | 2 | 3;
                            /** @default false */
                            enterpriseAttestation: boolean;
                            minPinLength?: number;
                            /** @default [] */
                            minPinLengthRpIds: string[];
                            /**
                             * @default preferred
                             * @enum {string}
                             */
                            residentKey: "required" | "preferred" | "discouraged";
                        };
                        name: string;
                        pin: {
                            /** @default false */
                            changeAtIssuance: boolean;
                            /**
                             * @default [
                             *       "digits"
                             *     ]
                             */
                            characterClasses: ("digits" | "lowercase" | "uppercase" | "symbols")[];
                            /**
                             * @default disguised
                             * @enum {string}
                             */
                            delivery: "displayed" | "disguised" | "not-displayed";
                            /** @default true */
                            forbidRepeats: boolean;
                            /** @default true */
                            forbidSequences: boolean;
                            /** @default 8 */
                            generatedLength: number;
                            /**
                             * @default random
                             * @enum {string}
                             */
                            initialPin: "random" | "admin-chosen";
                            minLength: number;
                            /** @default false */
                            requireEachClass: boolean;
                        };
                        updatedAt: string;
                        updatedBy: string;
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
    getPoliciesId: {
        parameters: {
            query?: {
                version?: number;
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
                        adminPin: {
                            /** @default false */
                            enabled: boolean;
                            /** @default 12 */
                            length: number;
                        };
                        authenticators: {
                            /** @default [] */
                            allowedAaguids: string[];
                            /** @default [] */
                            blockedAaguids: string[];
                            /** @enum {string} */
                            requiredCertification?: "FIDO_CERTIFIED_L1" | "FIDO_CERTIFIED_L1plus" | "FIDO_CERTIFIED_L2" | "FIDO_CERTIFIED_L2plus" | "FIDO_CERTIFIED_L3" | "FIDO_CERTIFIED_L3plus";
                            /** @default false */
                            requireMetadata: boolean;
                        };
                        createdAt: string;
                        /** @default  */
                        description: string;
                        id: string;
                        idpId?: string;
                        key: {
                            alwaysUv?: boolean;
                            credProtect?: 1 | 2 | 3;
                            /** @default false */
                            enterpriseAttestation: boolean;
                            minPinLength?: number;
                            /** @default [] */
                            minPinLengthRpIds: string[];
                            /**
                             * @default preferred
                             * @enum {string}
                             */
                            residentKey: "required" | "preferred" | "discouraged";
                        };
                        name: string;
                        pin: {
                            /** @default false */
                            changeAtIssuance: boolean;
                            /**
                             * @default [
                             *       "digits"
                             *     ]
                             */
                            characterClasses: ("digits" | "lowercase" | "uppercase" | "symbols")[];
                            /**
                             * @default disguised
                             * @enum {string}
                             */
                            delivery: "displayed" | "disguised" | "not-displayed";
                            /** @default true */
                            forbidRepeats: boolean;
                            /** @default true */
                            forbidSequences: boolean;
                            /** @default 8 */
                            generatedLength: number;
                            /**
                             * @default random
                             * @enum {string}
                             */
                            initialPin: "random" | "admin-chosen";
                            minLength: number;
                            /** @default false */
                            requireEachClass: boolean;
                        };
                        updatedAt: string;
                        updatedBy: string;
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
    putPoliciesId: {
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
                    /** @default {} */
                    adminPin?: {
                        /** @default false */
                        enabled?: boolean;
                        /** @default 12 */
                        length?: number;
                    };
                    /** @default {} */
                    authenticators?: {
                        /** @default [] */
                        allowedAaguids?: string[];
                        /** @default [] */
                        blockedAaguids?: string[];
                        /** @enum {string} */
                        requiredCertification?: "FIDO_CERTIFIED_L1" | "FIDO_CERTIFIED_L1plus" | "FIDO_CERTIFIED_L2" | "FIDO_CERTIFIED_L2plus" | "FIDO_CERTIFIED_L3" | "FIDO_CERTIFIED_L3plus";
                        /** @default false */
                        requireMetadata?: boolean;
                    };
                    /** @default  */
                    description?: string;
                    expectedVersion: number;
                    idpId?: string;
                    /** @default {} */
                    key?: {
                        alwaysUv?: boolean;
                        credProtect?: 1 | 2 | 3;
                        /** @default false */
                        enterpriseAttestation?: boolean;
                        minPinLength?: number;
                        /** @default [] */
                        minPinLengthRpIds?: string[];
                        /**
                         * @default preferred
                         * @enum {string}
                         */
                        residentKey?: "required" | "preferred" | "discouraged";
                    };
                    name: string;
                    pin: {
                        /** @default false */
                        changeAtIssuance?: boolean;
                        /**
                         * @default [
                         *       "digits"
                         *     ]
                         */
                        characterClasses?: ("digits" | "lowercase" | "uppercase" | "symbols")[];
                        /**
                         * @default disguised
                         * @enum {string}
                         */
                        delivery?: "displayed" | "disguised" | "not-displayed";
                        /** @default true */
                        forbidRepeats?: boolean;
                        /** @default true */
                        forbidSequences?: boolean;
                        /** @default 8 */
                        generatedLength?: number;
                        /**
                         * @default random
                         * @enum {string}
                         */
                        initialPin?: "random" | "admin-chosen";
                        minLength: number;
                        /** @default false */
                        requireEachClass?: boolean;
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
                        adminPin: {
                            /** @default false */
                            enabled: boolean;
                            /** @default 12 */
                            length: number;
                        };
                        authenticators: {
                            /** @default [] */
                            allowedAaguids: string[];
                            /** @default [] */
                            blockedAaguids: string[];
                            /** @enum {string} */
                            requiredCertification?: "FIDO_CERTIFIED_L1" | "FIDO_CERTIFIED_L1plus" | "FIDO_CERTIFIED_L2" | "FIDO_CERTIFIED_L2plus" | "FIDO_CERTIFIED_L3" | "FIDO_CERTIFIED_L3plus";
                            /** @default false */
                            requireMetadata: boolean;
                        };
                        createdAt: string;
                        /** @default  */
                        description: string;
                        id: string;
                        idpId?: string;
                        key: {
                            alwaysUv?: boolean;
                            credProtect?: 1 | 2 | 3;
                            /** @default false */
                            enterpriseAttestation: boolean;
                            minPinLength?: number;
                            /** @default [] */
                            minPinLengthRpIds: string[];
                            /**
                             * @default preferred
                             * @enum {string}
                             */
                            residentKey: "required" | "preferred" | "discouraged";
                        };
                        name: string;
                        pin: {
                            /** @default false */
                            changeAtIssuance: boolean;
                            /**
                             * @default [
                             *       "digits"
                             *     ]
                             */
                            characterClasses: ("digits" | "lowercase" | "uppercase" | "symbols")[];
                            /**
                             * @default disguised
                             * @enum {string}
                             */
                            delivery: "displayed" | "disguised" | "not-displayed";
                            /** @default true */
                            forbidRepeats: boolean;
                            /** @default true */
                            forbidSequences: boolean;
                            /** @default 8 */
                            generatedLength: number;
                            /**
                             * @default random
                             * @enum {string}
                             */
                            initialPin: "random" | "admin-chosen";
                            minLength: number;
                            /** @default false */
                            requireEachClass: boolean;
                        };
                        updatedAt: string;
                        updatedBy: string;
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
    deletePoliciesId: {
        parameters: {
            query: {
                expectedVersion: number;
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
                        adminPin: {
                            /** @default false */
                            enabled: boolean;
                            /** @default 12 */
                            length: number;
                        };
                        authenticators: {
                            /** @default [] */
                            allowedAaguids: string[];
                            /** @default [] */
                            blockedAaguids: string[];
                            /** @enum {string} */
                            requiredCertification?: "FIDO_CERTIFIED_L1" | "FIDO_CERTIFIED_L1plus" | "FIDO_CERTIFIED_L2" | "FIDO_CERTIFIED_L2plus" | "FIDO_CERTIFIED_L3" | "FIDO_CERTIFIED_L3plus";
                            /** @default false */
                            requireMetadata: boolean;
                        };
                        createdAt: string;
                        /** @default  */
                        description: string;
                        id: string;
                        idpId?: string;
                        key: {
                            alwaysUv?: boolean;
                            credProtect?: 1 | 2 | 3;
                            /** @default false */
                            enterpriseAttestation: boolean;
                            minPinLength?: number;
                            /** @default [] */
                            minPinLengthRpIds: string[];
                            /**
                             * @default preferred
                             * @enum {string}
                             */
                            residentKey: "required" | "preferred" | "discouraged";
                        };
                        name: string;
                        pin: {
                            /** @default false */
                            changeAtIssuance: boolean;
                            /**
                             * @default [
                             *       "digits"
                             *     ]
                             */
                            characterClasses: ("digits" | "lowercase" | "uppercase" | "symbols")[];
                            /**
                             * @default disguised
                             * @enum {string}
                             */
                            delivery: "displayed" | "disguised" | "not-displayed";
                            /** @default true */
                            forbidRepeats: boolean;
                            /** @default true */
                            forbidSequences: boolean;
                            /** @default 8 */
                            generatedLength: number;
                            /**
                             * @default random
                             * @enum {string}
                             */
                            initialPin: "random" | "admin-chosen";
                            minLength: number;
                            /** @default false */
                            requireEachClass: boolean;
                        };
                        updatedAt: string;
                        updatedBy: string;
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
    getPoliciesIdDevices: {
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
                        devices: {
                            linkedAt: string;
                            linkedBy: string;
                            policyId: string;
                            policyVersion: number;
                            serial: string;
                        }[];
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
    postPoliciesIdDevices: {
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
                    serials: string[];
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
                        linked: string[];
                        policyId: string;
                        policyVersion: number;
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
    deletePoliciesIdDevicesSerial: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                serial: string;
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
                        policyId: string;
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
    getPoliciesIdVersions: {
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
                        versions: {
                            createdAt: string;
                            createdBy: string;
                            name: string;
                            version: number;
                        }[];
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
