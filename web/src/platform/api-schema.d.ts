// Generated from docs/openapi.json by `npm run openapi`; do not edit.
export interface paths {
    "/api/v1/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    kind?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                kind: string;
                                status: string;
                                progress: {
                                    done: number;
                                    total: number | null;
                                };
                                rows_per_second: number | null;
                                eta_seconds: number | null;
                                message: string | null;
                                result: {
                                    [key: string]: unknown;
                                } | null;
                                error: {
                                    code: string;
                                    message: string;
                                } | null;
                                attempts: number;
                                created_by: string | null;
                                created_at: string;
                                started_at: string | null;
                                finished_at: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            kind: string;
                            status: string;
                            progress: {
                                done: number;
                                total: number | null;
                            };
                            rows_per_second: number | null;
                            eta_seconds: number | null;
                            message: string | null;
                            result: {
                                [key: string]: unknown;
                            } | null;
                            error: {
                                code: string;
                                message: string;
                            } | null;
                            attempts: number;
                            created_by: string | null;
                            created_at: string;
                            started_at: string | null;
                            finished_at: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            kind: string;
                            status: string;
                            progress: {
                                done: number;
                                total: number | null;
                            };
                            rows_per_second: number | null;
                            eta_seconds: number | null;
                            message: string | null;
                            result: {
                                [key: string]: unknown;
                            } | null;
                            error: {
                                code: string;
                                message: string;
                            } | null;
                            attempts: number;
                            created_by: string | null;
                            created_at: string;
                            started_at: string | null;
                            finished_at: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: string;
                                email: string;
                                name: string;
                                locale: string | null;
                                department_id: string | null;
                                manager_id: string | null;
                                role_id: string;
                                active: boolean;
                                version: number;
                                created_at: string;
                            };
                            csrf_token: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: string;
                                email: string;
                                name: string;
                                locale: string | null;
                                department_id: string | null;
                                manager_id: string | null;
                                role_id: string;
                                active: boolean;
                                version: number;
                                created_at: string;
                            };
                            workspace: {
                                id: string;
                                name: string;
                                timezone: string;
                                currency: string;
                                default_region: string;
                                locale: string;
                                version: number;
                            };
                            permissions: {
                                objects: {
                                    [key: string]: {
                                        actions: string[];
                                        scope: string;
                                    };
                                };
                                fields: {
                                    [key: string]: {
                                        [key: string]: string;
                                    };
                                };
                                masks: {
                                    [key: string]: {
                                        [key: string]: string;
                                    };
                                };
                            };
                            role_key: string;
                            csrf_token: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            timezone: string;
                            currency: string;
                            default_region: string;
                            locale: string;
                            version: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        timezone?: string;
                        currency?: string;
                        default_region?: string;
                        locale?: "zh-CN" | "en";
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            timezone: string;
                            currency: string;
                            default_region: string;
                            locale: string;
                            version: number;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/departments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                name: string;
                                parent_id: string | null;
                                version: number;
                            }[];
                            next_cursor: null;
                            total: number;
                            total_capped: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        parent_id?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            parent_id: string | null;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/departments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch: {
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
                        name?: string;
                        parent_id?: string | null;
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            parent_id: string | null;
                            version: number;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    q?: string;
                    active?: boolean;
                    department_id?: string;
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                email: string;
                                name: string;
                                locale: string | null;
                                department_id: string | null;
                                manager_id: string | null;
                                role_id: string;
                                active: boolean;
                                version: number;
                                created_at: string;
                            }[];
                            next_cursor: string | null;
                            total: number;
                            total_capped: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        email: string;
                        password?: string;
                        department_id?: string | null;
                        manager_id?: string | null;
                        role_id?: string;
                        locale?: "zh-CN" | "en" | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            email: string;
                            name: string;
                            locale: string | null;
                            department_id: string | null;
                            manager_id: string | null;
                            role_id: string;
                            active: boolean;
                            version: number;
                            created_at: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            email: string;
                            name: string;
                            locale: string | null;
                            department_id: string | null;
                            manager_id: string | null;
                            role_id: string;
                            active: boolean;
                            version: number;
                            created_at: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: {
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
                        name?: string;
                        department_id?: string | null;
                        manager_id?: string | null;
                        role_id?: string;
                        locale?: "zh-CN" | "en" | null;
                        password?: string;
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            email: string;
                            name: string;
                            locale: string | null;
                            department_id: string | null;
                            manager_id: string | null;
                            role_id: string;
                            active: boolean;
                            version: number;
                            created_at: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/users/{id}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            email: string;
                            name: string;
                            locale: string | null;
                            department_id: string | null;
                            manager_id: string | null;
                            role_id: string;
                            active: boolean;
                            version: number;
                            created_at: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/reactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            email: string;
                            name: string;
                            locale: string | null;
                            department_id: string | null;
                            manager_id: string | null;
                            role_id: string;
                            active: boolean;
                            version: number;
                            created_at: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/handover": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
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
                        to_user_id: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            moved: {
                                contacts: number;
                                companies: number;
                                orders: number;
                                tasks: number;
                                shares: number;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        locale?: "zh-CN" | "en" | null;
                        password?: string;
                        current_password?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            email: string;
                            name: string;
                            locale: string | null;
                            department_id: string | null;
                            manager_id: string | null;
                            role_id: string;
                            active: boolean;
                            version: number;
                            created_at: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                key: string;
                                name: string;
                                permissions: {
                                    objects: {
                                        [key: string]: {
                                            actions: string[];
                                            scope: string;
                                        };
                                    };
                                    fields: {
                                        [key: string]: {
                                            [key: string]: string;
                                        };
                                    };
                                    masks: {
                                        [key: string]: {
                                            [key: string]: string;
                                        };
                                    };
                                };
                                is_system: boolean;
                                user_count: number;
                                version: number;
                            }[];
                            next_cursor: null;
                            total: number;
                            total_capped: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        key: string;
                        name: string;
                        permissions: {
                            objects: {
                                contacts?: {
                                    actions: ("view" | "create" | "edit" | "delete" | "import" | "export" | "bulk")[];
                                    scope: "own" | "subordinates" | "department" | "department_tree" | "all";
                                };
                                companies?: {
                                    actions: ("view" | "create" | "edit" | "delete" | "import" | "export" | "bulk")[];
                                    scope: "own" | "subordinates" | "department" | "department_tree" | "all";
                                };
                                orders?: {
                                    actions: ("view" | "create" | "edit" | "delete" | "import" | "export" | "bulk")[];
                                    scope: "own" | "subordinates" | "department" | "department_tree" | "all";
                                };
                                products?: {
                                    actions: ("view" | "create" | "edit" | "delete" | "import" | "export" | "bulk")[];
                                    scope: "own" | "subordinates" | "department" | "department_tree" | "all";
                                };
                                tasks?: {
                                    actions: ("view" | "create" | "edit" | "delete" | "import" | "export" | "bulk")[];
                                    scope: "own" | "subordinates" | "department" | "department_tree" | "all";
                                };
                                notes?: {
                                    actions: ("view" | "create" | "edit" | "delete" | "import" | "export" | "bulk")[];
                                    scope: "own" | "subordinates" | "department" | "department_tree" | "all";
                                };
                                activities?: {
                                    actions: ("view" | "create" | "edit" | "delete" | "import" | "export" | "bulk")[];
                                    scope: "own" | "subordinates" | "department" | "department_tree" | "all";
                                };
                                settings?: {
                                    actions: ("view" | "create" | "edit" | "delete" | "import" | "export" | "bulk")[];
                                    scope: "own" | "subordinates" | "department" | "department_tree" | "all";
                                };
                            };
                            fields?: {
                                contacts?: {
                                    [key: string]: "hidden" | "readonly" | "editable";
                                };
                                companies?: {
                                    [key: string]: "hidden" | "readonly" | "editable";
                                };
                                orders?: {
                                    [key: string]: "hidden" | "readonly" | "editable";
                                };
                                products?: {
                                    [key: string]: "hidden" | "readonly" | "editable";
                                };
                                tasks?: {
                                    [key: string]: "hidden" | "readonly" | "editable";
                                };
                                notes?: {
                                    [key: string]: "hidden" | "readonly" | "editable";
                                };
                                activities?: {
                                    [key: string]: "hidden" | "readonly" | "editable";
                                };
                                settings?: {
                                    [key: string]: "hidden" | "readonly" | "editable";
                                };
                            };
                            masks?: {
                                contacts?: {
                                    [key: string]: "list" | "everywhere" | "none";
                                };
                                companies?: {
                                    [key: string]: "list" | "everywhere" | "none";
                                };
                                orders?: {
                                    [key: string]: "list" | "everywhere" | "none";
                                };
                                products?: {
                                    [key: string]: "list" | "everywhere" | "none";
                                };
                                tasks?: {
                                    [key: string]: "list" | "everywhere" | "none";
                                };
                                notes?: {
                                    [key: string]: "list" | "everywhere" | "none";
                                };
                                activities?: {
                                    [key: string]: "list" | "everywhere" | "none";
                                };
                                settings?: {
                                    [key: string]: "list" | "everywhere" | "none";
                                };
                            };
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            key: string;
                            name: string;
                            permissions: {
                                objects: {
                                    [key: string]: {
                                        actions: string[];
                                        scope: string;
                                    };
                                };
                                fields: {
                                    [key: string]: {
                                        [key: string]: string;
                                    };
                                };
                                masks: {
                                    [key: string]: {
                                        [key: string]: string;
                                    };
                                };
                            };
                            is_system: boolean;
                            user_count: number;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/roles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            key: string;
                            name: string;
                            permissions: {
                                objects: {
                                    [key: string]: {
                                        actions: string[];
                                        scope: string;
                                    };
                                };
                                fields: {
                                    [key: string]: {
                                        [key: string]: string;
                                    };
                                };
                                masks: {
                                    [key: string]: {
                                        [key: string]: string;
                                    };
                                };
                            };
                            is_system: boolean;
                            user_count: number;
                            version: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch: {
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
                        name?: string;
                        permissions?: {
                            objects: {
                                contacts?: {
                                    actions: ("view" | "create" | "edit" | "delete" | "import" | "export" | "bulk")[];
                                    scope: "own" | "subordinates" | "department" | "department_tree" | "all";
                                };
                                companies?: {
                                    actions: ("view" | "create" | "edit" | "delete" | "import" | "export" | "bulk")[];
                                    scope: "own" | "subordinates" | "department" | "department_tree" | "all";
                                };
                                orders?: {
                                    actions: ("view" | "create" | "edit" | "delete" | "import" | "export" | "bulk")[];
                                    scope: "own" | "subordinates" | "department" | "department_tree" | "all";
                                };
                                products?: {
                                    actions: ("view" | "create" | "edit" | "delete" | "import" | "export" | "bulk")[];
                                    scope: "own" | "subordinates" | "department" | "department_tree" | "all";
                                };
                                tasks?: {
                                    actions: ("view" | "create" | "edit" | "delete" | "import" | "export" | "bulk")[];
                                    scope: "own" | "subordinates" | "department" | "department_tree" | "all";
                                };
                                notes?: {
                                    actions: ("view" | "create" | "edit" | "delete" | "import" | "export" | "bulk")[];
                                    scope: "own" | "subordinates" | "department" | "department_tree" | "all";
                                };
                                activities?: {
                                    actions: ("view" | "create" | "edit" | "delete" | "import" | "export" | "bulk")[];
                                    scope: "own" | "subordinates" | "department" | "department_tree" | "all";
                                };
                                settings?: {
                                    actions: ("view" | "create" | "edit" | "delete" | "import" | "export" | "bulk")[];
                                    scope: "own" | "subordinates" | "department" | "department_tree" | "all";
                                };
                            };
                            fields?: {
                                contacts?: {
                                    [key: string]: "hidden" | "readonly" | "editable";
                                };
                                companies?: {
                                    [key: string]: "hidden" | "readonly" | "editable";
                                };
                                orders?: {
                                    [key: string]: "hidden" | "readonly" | "editable";
                                };
                                products?: {
                                    [key: string]: "hidden" | "readonly" | "editable";
                                };
                                tasks?: {
                                    [key: string]: "hidden" | "readonly" | "editable";
                                };
                                notes?: {
                                    [key: string]: "hidden" | "readonly" | "editable";
                                };
                                activities?: {
                                    [key: string]: "hidden" | "readonly" | "editable";
                                };
                                settings?: {
                                    [key: string]: "hidden" | "readonly" | "editable";
                                };
                            };
                            masks?: {
                                contacts?: {
                                    [key: string]: "list" | "everywhere" | "none";
                                };
                                companies?: {
                                    [key: string]: "list" | "everywhere" | "none";
                                };
                                orders?: {
                                    [key: string]: "list" | "everywhere" | "none";
                                };
                                products?: {
                                    [key: string]: "list" | "everywhere" | "none";
                                };
                                tasks?: {
                                    [key: string]: "list" | "everywhere" | "none";
                                };
                                notes?: {
                                    [key: string]: "list" | "everywhere" | "none";
                                };
                                activities?: {
                                    [key: string]: "list" | "everywhere" | "none";
                                };
                                settings?: {
                                    [key: string]: "list" | "everywhere" | "none";
                                };
                            };
                        };
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            key: string;
                            name: string;
                            permissions: {
                                objects: {
                                    [key: string]: {
                                        actions: string[];
                                        scope: string;
                                    };
                                };
                                fields: {
                                    [key: string]: {
                                        [key: string]: string;
                                    };
                                };
                                masks: {
                                    [key: string]: {
                                        [key: string]: string;
                                    };
                                };
                            };
                            is_system: boolean;
                            user_count: number;
                            version: number;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                name: string;
                                prefix: string;
                                scopes: string[];
                                user_id: string;
                                user_name: string;
                                created_at: string;
                                last_used_at: string | null;
                                revoked_at: string | null;
                            }[];
                            next_cursor: null;
                            total: number;
                            total_capped: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        scopes?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            prefix: string;
                            scopes: string[];
                            user_id: string;
                            user_name: string;
                            created_at: string;
                            last_used_at: string | null;
                            revoked_at: string | null;
                            key: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            prefix: string;
                            scopes: string[];
                            user_id: string;
                            user_name: string;
                            created_at: string;
                            last_used_at: string | null;
                            revoked_at: string | null;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** As-you-type search over contacts and companies */
        get: {
            parameters: {
                query: {
                    /** @description what the user typed: a name, pinyin, email, or the last digits of a phone */
                    q: string;
                    limit: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                type: "contact" | "company";
                                id: string;
                                /** @description the name as the caller's role may see it; null when the role hides it */
                                title: string | null;
                                subtitle: string;
                                matched: "name" | "pinyin" | "email" | "phone" | "domain";
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    contact_id?: string;
                    company_id?: string;
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                contact_id: string | null;
                                company_id: string | null;
                                body: string;
                                author_id: string | null;
                                author_name: string | null;
                                created_at: string;
                                updated_at: string;
                            }[];
                            next_cursor: string | null;
                            total: number;
                            total_capped: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        contact_id?: string;
                        company_id?: string;
                        body: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            contact_id: string | null;
                            company_id: string | null;
                            body: string;
                            author_id: string | null;
                            author_name: string | null;
                            created_at: string;
                            updated_at: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: {
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
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch: {
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
                        body: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            contact_id: string | null;
                            company_id: string | null;
                            body: string;
                            author_id: string | null;
                            author_name: string | null;
                            created_at: string;
                            updated_at: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/activities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    contact_id?: string;
                    company_id?: string;
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                /** @enum {unknown} */
                                type: "call" | "meeting" | "email" | "visit" | "chat";
                                subject: string;
                                outcome: string | null;
                                body: string | null;
                                occurred_at: string;
                                duration_minutes: number | null;
                                contact_id: string | null;
                                company_id: string | null;
                                owner_id: string | null;
                                owner_name: string | null;
                                created_at: string;
                            }[];
                            next_cursor: string | null;
                            total: number;
                            total_capped: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {unknown} */
                        type: "call" | "meeting" | "email" | "visit" | "chat";
                        subject: string;
                        outcome?: string;
                        body?: string;
                        /** Format: date-time */
                        occurred_at: string;
                        duration_minutes?: number;
                        contact_id?: string;
                        company_id?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {unknown} */
                            type: "call" | "meeting" | "email" | "visit" | "chat";
                            subject: string;
                            outcome: string | null;
                            body: string | null;
                            occurred_at: string;
                            duration_minutes: number | null;
                            contact_id: string | null;
                            company_id: string | null;
                            owner_id: string | null;
                            owner_name: string | null;
                            created_at: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    assignee_id?: "me" | string;
                    done?: boolean;
                    due_before?: string;
                    contact_id?: string;
                    company_id?: string;
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                version: number;
                                title: string;
                                description: string | null;
                                due_at: string | null;
                                done: boolean;
                                done_at: string | null;
                                assignee_id: string | null;
                                assignee_name: string | null;
                                contact_id: string | null;
                                company_id: string | null;
                                created_by: string | null;
                                created_at: string;
                                updated_at: string;
                            }[];
                            next_cursor: string | null;
                            total: number;
                            total_capped: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title: string;
                        description?: string;
                        /** Format: date-time */
                        due_at?: string;
                        assignee_id?: string;
                        contact_id?: string;
                        company_id?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            version: number;
                            title: string;
                            description: string | null;
                            due_at: string | null;
                            done: boolean;
                            done_at: string | null;
                            assignee_id: string | null;
                            assignee_name: string | null;
                            contact_id: string | null;
                            company_id: string | null;
                            created_by: string | null;
                            created_at: string;
                            updated_at: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            version: number;
                            title: string;
                            description: string | null;
                            due_at: string | null;
                            done: boolean;
                            done_at: string | null;
                            assignee_id: string | null;
                            assignee_name: string | null;
                            contact_id: string | null;
                            company_id: string | null;
                            created_by: string | null;
                            created_at: string;
                            updated_at: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete: {
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
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch: {
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
                        version: number;
                        title?: string;
                        description?: string | null;
                        due_at?: string | null;
                        done?: boolean;
                        assignee_id?: string;
                        contact_id?: string | null;
                        company_id?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            version: number;
                            title: string;
                            description: string | null;
                            due_at: string | null;
                            done: boolean;
                            done_at: string | null;
                            assignee_id: string | null;
                            assignee_name: string | null;
                            contact_id: string | null;
                            company_id: string | null;
                            created_by: string | null;
                            created_at: string;
                            updated_at: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    q?: string;
                    active?: boolean;
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                version: number;
                                sku: string;
                                name: string;
                                price_minor: number;
                                currency: string;
                                active: boolean;
                                created_at: string;
                                updated_at: string;
                            }[];
                            next_cursor: string | null;
                            total: number;
                            total_capped: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        sku: string;
                        name: string;
                        price_minor: number;
                        currency: string;
                        active?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            version: number;
                            sku: string;
                            name: string;
                            price_minor: number;
                            currency: string;
                            active: boolean;
                            created_at: string;
                            updated_at: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            version: number;
                            sku: string;
                            name: string;
                            price_minor: number;
                            currency: string;
                            active: boolean;
                            created_at: string;
                            updated_at: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete: {
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
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch: {
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
                        version: number;
                        sku?: string;
                        name?: string;
                        price_minor?: number;
                        currency?: string;
                        active?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            version: number;
                            sku: string;
                            name: string;
                            price_minor: number;
                            currency: string;
                            active: boolean;
                            created_at: string;
                            updated_at: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    contact_id?: string;
                    company_id?: string;
                    status?: "pending" | "paid" | "shipped" | "completed" | "cancelled" | "refunded";
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                version: number;
                                number: string;
                                contact_id: string | null;
                                company_id: string | null;
                                owner_id: string | null;
                                /** @enum {unknown} */
                                status: "pending" | "paid" | "shipped" | "completed" | "cancelled" | "refunded";
                                channel: string | null;
                                ordered_at: string;
                                currency: string;
                                total_minor: number;
                                lines: {
                                    id: string;
                                    product_id: string | null;
                                    product_name: string;
                                    quantity: number;
                                    unit_price_minor: number;
                                    amount_minor: number;
                                }[];
                                created_at: string;
                                updated_at: string;
                            }[];
                            next_cursor: string | null;
                            total: number;
                            total_capped: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        number?: string;
                        contact_id?: string;
                        company_id?: string;
                        /** @enum {unknown} */
                        status: "pending" | "paid" | "shipped" | "completed" | "cancelled" | "refunded";
                        channel?: string;
                        /** Format: date-time */
                        ordered_at: string;
                        currency: string;
                        lines: {
                            product_id?: string;
                            product_name?: string;
                            quantity: number;
                            unit_price_minor: number;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            version: number;
                            number: string;
                            contact_id: string | null;
                            company_id: string | null;
                            owner_id: string | null;
                            /** @enum {unknown} */
                            status: "pending" | "paid" | "shipped" | "completed" | "cancelled" | "refunded";
                            channel: string | null;
                            ordered_at: string;
                            currency: string;
                            total_minor: number;
                            lines: {
                                id: string;
                                product_id: string | null;
                                product_name: string;
                                quantity: number;
                                unit_price_minor: number;
                                amount_minor: number;
                            }[];
                            created_at: string;
                            updated_at: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            version: number;
                            number: string;
                            contact_id: string | null;
                            company_id: string | null;
                            owner_id: string | null;
                            /** @enum {unknown} */
                            status: "pending" | "paid" | "shipped" | "completed" | "cancelled" | "refunded";
                            channel: string | null;
                            ordered_at: string;
                            currency: string;
                            total_minor: number;
                            lines: {
                                id: string;
                                product_id: string | null;
                                product_name: string;
                                quantity: number;
                                unit_price_minor: number;
                                amount_minor: number;
                            }[];
                            created_at: string;
                            updated_at: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete: {
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
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch: {
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
                        version: number;
                        /** @enum {unknown} */
                        status?: "pending" | "paid" | "shipped" | "completed" | "cancelled" | "refunded";
                        channel?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            version: number;
                            number: string;
                            contact_id: string | null;
                            company_id: string | null;
                            owner_id: string | null;
                            /** @enum {unknown} */
                            status: "pending" | "paid" | "shipped" | "completed" | "cancelled" | "refunded";
                            channel: string | null;
                            ordered_at: string;
                            currency: string;
                            total_minor: number;
                            lines: {
                                id: string;
                                product_id: string | null;
                                product_name: string;
                                quantity: number;
                                unit_price_minor: number;
                                amount_minor: number;
                            }[];
                            created_at: string;
                            updated_at: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/contacts/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description note | activity | order | task | audit (later modules add kinds) */
                                kind: string;
                                id: string;
                                occurred_at: string;
                                actor_name: string | null;
                                summary: string;
                                payload: {
                                    [key: string]: unknown;
                                };
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/companies/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description note | activity | order | task | audit (later modules add kinds) */
                                kind: string;
                                id: string;
                                occurred_at: string;
                                actor_name: string | null;
                                summary: string;
                                payload: {
                                    [key: string]: unknown;
                                };
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            counts: {
                                contacts: number;
                                companies: number;
                                orders: number;
                                open_tasks: number;
                            };
                            counts_capped: {
                                contacts: boolean;
                                companies: boolean;
                                orders: boolean;
                                open_tasks: boolean;
                            };
                            currency: string;
                            /** @description The last 12 months (workspace time zone and currency) of paid, shipped and completed orders whose owner is within the caller's orders data scope. Orders shared with the caller but owned outside the scope are in counts.orders and the orders list, not in revenue. */
                            revenue_by_month: {
                                /** @description YYYY-MM */
                                month: string;
                                total_minor: number;
                            }[];
                            recent_activity: ({
                                /** @description note | activity | order | task | audit (later modules add kinds) */
                                kind: string;
                                id: string;
                                occurred_at: string;
                                actor_name: string | null;
                                summary: string;
                                payload: {
                                    [key: string]: unknown;
                                };
                            } & {
                                contact_id: string | null;
                                company_id: string | null;
                            })[];
                            my_tasks: {
                                id: string;
                                version: number;
                                title: string;
                                description: string | null;
                                due_at: string | null;
                                done: boolean;
                                done_at: string | null;
                                assignee_id: string | null;
                                assignee_name: string | null;
                                contact_id: string | null;
                                company_id: string | null;
                                created_by: string | null;
                                created_at: string;
                                updated_at: string;
                            }[];
                            today: {
                                due_today: number;
                                overdue: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    filter?: string;
                    sort?: string;
                    limit?: number;
                    cursor?: string;
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                version: number;
                                first_name: string | null;
                                last_name: string | null;
                                display_name: string | null;
                                emails: {
                                    value: string;
                                    label: string | null;
                                }[];
                                phones: {
                                    value: string;
                                    label: string | null;
                                }[];
                                email: string | null;
                                phone: string | null;
                                gender: string | null;
                                birthday: string | null;
                                street: string | null;
                                city: string | null;
                                region: string | null;
                                postcode: string | null;
                                country: string | null;
                                source: string | null;
                                lifecycle_stage: string | null;
                                value_tier: string | null;
                                /** @description null when unassigned, or when the role hides owner_id */
                                owner_id: string | null;
                                /** @description null when the role hides owner_id */
                                owner_name: string | null;
                                /** @description null when none, or when the role hides company_id */
                                company_id: string | null;
                                /** @description null when the role hides company_id or the company's name */
                                company_name: string | null;
                                /** @description null only when the role hides consent_email */
                                consent_email: boolean | null;
                                /** @description null only when the role hides consent_sms */
                                consent_sms: boolean | null;
                                /** @description [] when the role hides tags */
                                tags: string[];
                                attributes: {
                                    [key: string]: unknown;
                                };
                                external_id: string | null;
                                created_at: string;
                                updated_at: string;
                            }[];
                            next_cursor: string | null;
                            total: number;
                            total_capped: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        first_name?: string | null;
                        last_name?: string | null;
                        emails?: {
                            value: string;
                            label?: string | null;
                        }[];
                        phones?: {
                            value: string;
                            label?: string | null;
                        }[];
                        email?: string | null;
                        phone?: string | null;
                        gender?: "male" | "female" | "other" | "unknown" | null;
                        birthday?: string | null;
                        street?: string | null;
                        city?: string | null;
                        region?: string | null;
                        postcode?: string | null;
                        country?: string | null;
                        source?: string | null;
                        lifecycle_stage?: "subscriber" | "lead" | "mql" | "sql" | "opportunity" | "customer" | "evangelist" | "other" | null;
                        value_tier?: "vip" | "gold" | "silver" | "regular" | null;
                        owner_id?: string;
                        company_id?: string | null;
                        consent_email?: boolean;
                        consent_sms?: boolean;
                        tags?: string[];
                        attributes?: {
                            [key: string]: unknown;
                        };
                        external_id?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            version: number;
                            first_name: string | null;
                            last_name: string | null;
                            display_name: string | null;
                            emails: {
                                value: string;
                                label: string | null;
                            }[];
                            phones: {
                                value: string;
                                label: string | null;
                            }[];
                            email: string | null;
                            phone: string | null;
                            gender: string | null;
                            birthday: string | null;
                            street: string | null;
                            city: string | null;
                            region: string | null;
                            postcode: string | null;
                            country: string | null;
                            source: string | null;
                            lifecycle_stage: string | null;
                            value_tier: string | null;
                            /** @description null when unassigned, or when the role hides owner_id */
                            owner_id: string | null;
                            /** @description null when the role hides owner_id */
                            owner_name: string | null;
                            /** @description null when none, or when the role hides company_id */
                            company_id: string | null;
                            /** @description null when the role hides company_id or the company's name */
                            company_name: string | null;
                            /** @description null only when the role hides consent_email */
                            consent_email: boolean | null;
                            /** @description null only when the role hides consent_sms */
                            consent_sms: boolean | null;
                            /** @description [] when the role hides tags */
                            tags: string[];
                            attributes: {
                                [key: string]: unknown;
                            };
                            external_id: string | null;
                            created_at: string;
                            updated_at: string;
                            warnings?: {
                                code: string;
                                message: string;
                                details: {
                                    record_id: string;
                                    reasons: string[];
                                    owner_name: string | null;
                                };
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            version: number;
                            first_name: string | null;
                            last_name: string | null;
                            display_name: string | null;
                            emails: {
                                value: string;
                                label: string | null;
                            }[];
                            phones: {
                                value: string;
                                label: string | null;
                            }[];
                            email: string | null;
                            phone: string | null;
                            gender: string | null;
                            birthday: string | null;
                            street: string | null;
                            city: string | null;
                            region: string | null;
                            postcode: string | null;
                            country: string | null;
                            source: string | null;
                            lifecycle_stage: string | null;
                            value_tier: string | null;
                            /** @description null when unassigned, or when the role hides owner_id */
                            owner_id: string | null;
                            /** @description null when the role hides owner_id */
                            owner_name: string | null;
                            /** @description null when none, or when the role hides company_id */
                            company_id: string | null;
                            /** @description null when the role hides company_id or the company's name */
                            company_name: string | null;
                            /** @description null only when the role hides consent_email */
                            consent_email: boolean | null;
                            /** @description null only when the role hides consent_sms */
                            consent_sms: boolean | null;
                            /** @description [] when the role hides tags */
                            tags: string[];
                            attributes: {
                                [key: string]: unknown;
                            };
                            external_id: string | null;
                            created_at: string;
                            updated_at: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch: {
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
                        first_name?: string | null;
                        last_name?: string | null;
                        emails?: {
                            value: string;
                            label?: string | null;
                        }[];
                        phones?: {
                            value: string;
                            label?: string | null;
                        }[];
                        email?: string | null;
                        phone?: string | null;
                        gender?: "male" | "female" | "other" | "unknown" | null;
                        birthday?: string | null;
                        street?: string | null;
                        city?: string | null;
                        region?: string | null;
                        postcode?: string | null;
                        country?: string | null;
                        source?: string | null;
                        lifecycle_stage?: "subscriber" | "lead" | "mql" | "sql" | "opportunity" | "customer" | "evangelist" | "other" | null;
                        value_tier?: "vip" | "gold" | "silver" | "regular" | null;
                        owner_id?: string;
                        company_id?: string | null;
                        consent_email?: boolean;
                        consent_sms?: boolean;
                        tags?: string[];
                        attributes?: {
                            [key: string]: unknown;
                        };
                        external_id?: string | null;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            version: number;
                            first_name: string | null;
                            last_name: string | null;
                            display_name: string | null;
                            emails: {
                                value: string;
                                label: string | null;
                            }[];
                            phones: {
                                value: string;
                                label: string | null;
                            }[];
                            email: string | null;
                            phone: string | null;
                            gender: string | null;
                            birthday: string | null;
                            street: string | null;
                            city: string | null;
                            region: string | null;
                            postcode: string | null;
                            country: string | null;
                            source: string | null;
                            lifecycle_stage: string | null;
                            value_tier: string | null;
                            /** @description null when unassigned, or when the role hides owner_id */
                            owner_id: string | null;
                            /** @description null when the role hides owner_id */
                            owner_name: string | null;
                            /** @description null when none, or when the role hides company_id */
                            company_id: string | null;
                            /** @description null when the role hides company_id or the company's name */
                            company_name: string | null;
                            /** @description null only when the role hides consent_email */
                            consent_email: boolean | null;
                            /** @description null only when the role hides consent_sms */
                            consent_sms: boolean | null;
                            /** @description [] when the role hides tags */
                            tags: string[];
                            attributes: {
                                [key: string]: unknown;
                            };
                            external_id: string | null;
                            created_at: string;
                            updated_at: string;
                            warnings?: {
                                code: string;
                                message: string;
                                details: {
                                    record_id: string;
                                    reasons: string[];
                                    owner_name: string | null;
                                };
                            }[];
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/contacts/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            version: number;
                            first_name: string | null;
                            last_name: string | null;
                            display_name: string | null;
                            emails: {
                                value: string;
                                label: string | null;
                            }[];
                            phones: {
                                value: string;
                                label: string | null;
                            }[];
                            email: string | null;
                            phone: string | null;
                            gender: string | null;
                            birthday: string | null;
                            street: string | null;
                            city: string | null;
                            region: string | null;
                            postcode: string | null;
                            country: string | null;
                            source: string | null;
                            lifecycle_stage: string | null;
                            value_tier: string | null;
                            /** @description null when unassigned, or when the role hides owner_id */
                            owner_id: string | null;
                            /** @description null when the role hides owner_id */
                            owner_name: string | null;
                            /** @description null when none, or when the role hides company_id */
                            company_id: string | null;
                            /** @description null when the role hides company_id or the company's name */
                            company_name: string | null;
                            /** @description null only when the role hides consent_email */
                            consent_email: boolean | null;
                            /** @description null only when the role hides consent_sms */
                            consent_sms: boolean | null;
                            /** @description [] when the role hides tags */
                            tags: string[];
                            attributes: {
                                [key: string]: unknown;
                            };
                            external_id: string | null;
                            created_at: string;
                            updated_at: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/companies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    filter?: string;
                    sort?: string;
                    limit?: number;
                    cursor?: string;
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                version: number;
                                name: string | null;
                                domain: string | null;
                                industry: string | null;
                                phone: string | null;
                                email: string | null;
                                website: string | null;
                                street: string | null;
                                city: string | null;
                                region: string | null;
                                postcode: string | null;
                                country: string | null;
                                /** @description null when unassigned, or when the role hides owner_id */
                                owner_id: string | null;
                                /** @description null when the role hides owner_id */
                                owner_name: string | null;
                                /** @description [] when the role hides tags */
                                tags: string[];
                                attributes: {
                                    [key: string]: unknown;
                                };
                                external_id: string | null;
                                created_at: string;
                                updated_at: string;
                                contact_count: number;
                            }[];
                            next_cursor: string | null;
                            total: number;
                            total_capped: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        domain?: string | null;
                        industry?: string | null;
                        phone?: string | null;
                        email?: string | null;
                        website?: string | null;
                        street?: string | null;
                        city?: string | null;
                        region?: string | null;
                        postcode?: string | null;
                        country?: string | null;
                        owner_id?: string;
                        tags?: string[];
                        attributes?: {
                            [key: string]: unknown;
                        };
                        external_id?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            version: number;
                            name: string | null;
                            domain: string | null;
                            industry: string | null;
                            phone: string | null;
                            email: string | null;
                            website: string | null;
                            street: string | null;
                            city: string | null;
                            region: string | null;
                            postcode: string | null;
                            country: string | null;
                            /** @description null when unassigned, or when the role hides owner_id */
                            owner_id: string | null;
                            /** @description null when the role hides owner_id */
                            owner_name: string | null;
                            /** @description [] when the role hides tags */
                            tags: string[];
                            attributes: {
                                [key: string]: unknown;
                            };
                            external_id: string | null;
                            created_at: string;
                            updated_at: string;
                            contact_count: number;
                            warnings?: {
                                code: string;
                                message: string;
                                details: {
                                    record_id: string;
                                    reasons: string[];
                                    owner_name: string | null;
                                };
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/companies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            version: number;
                            name: string | null;
                            domain: string | null;
                            industry: string | null;
                            phone: string | null;
                            email: string | null;
                            website: string | null;
                            street: string | null;
                            city: string | null;
                            region: string | null;
                            postcode: string | null;
                            country: string | null;
                            /** @description null when unassigned, or when the role hides owner_id */
                            owner_id: string | null;
                            /** @description null when the role hides owner_id */
                            owner_name: string | null;
                            /** @description [] when the role hides tags */
                            tags: string[];
                            attributes: {
                                [key: string]: unknown;
                            };
                            external_id: string | null;
                            created_at: string;
                            updated_at: string;
                            contact_count: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch: {
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
                        name?: string;
                        domain?: string | null;
                        industry?: string | null;
                        phone?: string | null;
                        email?: string | null;
                        website?: string | null;
                        street?: string | null;
                        city?: string | null;
                        region?: string | null;
                        postcode?: string | null;
                        country?: string | null;
                        owner_id?: string;
                        tags?: string[];
                        attributes?: {
                            [key: string]: unknown;
                        };
                        external_id?: string | null;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            version: number;
                            name: string | null;
                            domain: string | null;
                            industry: string | null;
                            phone: string | null;
                            email: string | null;
                            website: string | null;
                            street: string | null;
                            city: string | null;
                            region: string | null;
                            postcode: string | null;
                            country: string | null;
                            /** @description null when unassigned, or when the role hides owner_id */
                            owner_id: string | null;
                            /** @description null when the role hides owner_id */
                            owner_name: string | null;
                            /** @description [] when the role hides tags */
                            tags: string[];
                            attributes: {
                                [key: string]: unknown;
                            };
                            external_id: string | null;
                            created_at: string;
                            updated_at: string;
                            contact_count: number;
                            warnings?: {
                                code: string;
                                message: string;
                                details: {
                                    record_id: string;
                                    reasons: string[];
                                    owner_name: string | null;
                                };
                            }[];
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/companies/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            version: number;
                            name: string | null;
                            domain: string | null;
                            industry: string | null;
                            phone: string | null;
                            email: string | null;
                            website: string | null;
                            street: string | null;
                            city: string | null;
                            region: string | null;
                            postcode: string | null;
                            country: string | null;
                            /** @description null when unassigned, or when the role hides owner_id */
                            owner_id: string | null;
                            /** @description null when the role hides owner_id */
                            owner_name: string | null;
                            /** @description [] when the role hides tags */
                            tags: string[];
                            attributes: {
                                [key: string]: unknown;
                            };
                            external_id: string | null;
                            created_at: string;
                            updated_at: string;
                            contact_count: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/custom-fields": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    object?: "contacts" | "companies";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                object: string;
                                key: string;
                                label: string;
                                label_zh: string | null;
                                /** @enum {unknown} */
                                type: "text" | "long_text" | "number" | "money" | "date" | "boolean" | "select" | "multi_select";
                                options: {
                                    value: string;
                                    label: string;
                                }[];
                                required: boolean;
                                unique: boolean;
                                sensitive: boolean;
                                is_identifier: boolean;
                                position: number;
                                created_at: string;
                                updated_at: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {unknown} */
                        object: "contacts" | "companies";
                        key: string;
                        /** @enum {unknown} */
                        type: "text" | "long_text" | "number" | "money" | "date" | "boolean" | "select" | "multi_select";
                        label: string;
                        label_zh?: string | null;
                        options?: {
                            value: string;
                            label: string;
                        }[];
                        required?: boolean;
                        unique?: boolean;
                        sensitive?: boolean;
                        is_identifier?: boolean;
                        position?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            object: string;
                            key: string;
                            label: string;
                            label_zh: string | null;
                            /** @enum {unknown} */
                            type: "text" | "long_text" | "number" | "money" | "date" | "boolean" | "select" | "multi_select";
                            options: {
                                value: string;
                                label: string;
                            }[];
                            required: boolean;
                            unique: boolean;
                            sensitive: boolean;
                            is_identifier: boolean;
                            position: number;
                            created_at: string;
                            updated_at: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/custom-fields/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** @description The field disappears at once; a job (GET /jobs/{job_id}) removes its values from the records, then the definition, and until it has finished the key cannot be created again (FIELD_DELETE_PENDING). Deleting the field again answers with the same job while it is queued or running, and resumes the work after a failed or cancelled one. */
        delete: {
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
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            job_id: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch: {
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
                        label?: string;
                        label_zh?: string | null;
                        options?: {
                            value: string;
                            label: string;
                        }[];
                        required?: boolean;
                        unique?: boolean;
                        sensitive?: boolean;
                        is_identifier?: boolean;
                        position?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            object: string;
                            key: string;
                            label: string;
                            label_zh: string | null;
                            /** @enum {unknown} */
                            type: "text" | "long_text" | "number" | "money" | "date" | "boolean" | "select" | "multi_select";
                            options: {
                                value: string;
                                label: string;
                            }[];
                            required: boolean;
                            unique: boolean;
                            sensitive: boolean;
                            is_identifier: boolean;
                            position: number;
                            created_at: string;
                            updated_at: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/contacts/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                at: string;
                                actor_id: string | null;
                                actor_name: string | null;
                                action: string;
                                changes: {
                                    [key: string]: unknown;
                                };
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{id}/collaborators": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                user_id: string;
                                user_name: string;
                                access: "read" | "write";
                                expires_at: string | null;
                                expired: boolean;
                                created_at: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post: {
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
                        user_id: string;
                        access: "read" | "write";
                        expires_at?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user_id: string;
                            user_name: string;
                            access: "read" | "write";
                            expires_at: string | null;
                            expired: boolean;
                            created_at: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{id}/collaborators/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        ids?: string[];
                        filter?: unknown;
                        action: "tag" | "untag" | "change_owner" | "delete";
                        tag?: string;
                        owner_id?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            affected: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/companies/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                at: string;
                                actor_id: string | null;
                                actor_name: string | null;
                                action: string;
                                changes: {
                                    [key: string]: unknown;
                                };
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/companies/{id}/collaborators": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                user_id: string;
                                user_name: string;
                                access: "read" | "write";
                                expires_at: string | null;
                                expired: boolean;
                                created_at: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post: {
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
                        user_id: string;
                        access: "read" | "write";
                        expires_at?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user_id: string;
                            user_name: string;
                            access: "read" | "write";
                            expires_at: string | null;
                            expired: boolean;
                            created_at: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/companies/{id}/collaborators/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/companies/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        ids?: string[];
                        filter?: unknown;
                        action: "tag" | "untag" | "change_owner" | "delete";
                        tag?: string;
                        owner_id?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            affected: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trash": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query: {
                    object: "contacts" | "companies";
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                object: string;
                                id: string;
                                title: string | null;
                                owner_id: string | null;
                                owner_name: string | null;
                                deleted_at: string;
                            }[];
                            next_cursor: string | null;
                            total: number;
                            total_capped: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/saved-views": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query: {
                    object: "contacts" | "companies";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                object: string;
                                name: string;
                                filter: unknown;
                                sort: string | null;
                                columns: string[] | null;
                                created_at: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        object: "contacts" | "companies";
                        name: string;
                        filter?: unknown;
                        sort?: string | null;
                        columns?: string[] | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            object: string;
                            name: string;
                            filter: unknown;
                            sort: string | null;
                            columns: string[] | null;
                            created_at: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/saved-views/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch: {
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
                        name?: string;
                        filter?: unknown;
                        sort?: string | null;
                        columns?: string[] | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            object: string;
                            name: string;
                            filter: unknown;
                            sort: string | null;
                            columns: string[] | null;
                            created_at: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/contacts/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    format?: "csv" | "xlsx";
                    filter?: string;
                    sort?: string;
                    q?: string;
                    /** @description comma-separated headers, in order */
                    columns?: string;
                    /** @description orders only: one row per order line */
                    lines?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file (CSV: UTF-8 with BOM, CRLF, RFC 4180; XLSX: one sheet) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv; charset=utf-8": string;
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/companies/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    format?: "csv" | "xlsx";
                    filter?: string;
                    sort?: string;
                    q?: string;
                    /** @description comma-separated headers, in order */
                    columns?: string;
                    /** @description orders only: one row per order line */
                    lines?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file (CSV: UTF-8 with BOM, CRLF, RFC 4180; XLSX: one sheet) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv; charset=utf-8": string;
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    format?: "csv" | "xlsx";
                    filter?: string;
                    sort?: string;
                    q?: string;
                    /** @description comma-separated headers, in order */
                    columns?: string;
                    /** @description orders only: one row per order line */
                    lines?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file (CSV: UTF-8 with BOM, CRLF, RFC 4180; XLSX: one sheet) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv; charset=utf-8": string;
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {unknown} */
                        object: "contacts" | "companies" | "orders";
                        /** @enum {unknown} */
                        format: "csv" | "xlsx";
                        filter?: string | {
                            [key: string]: unknown;
                        } | null;
                        sort?: string;
                        q?: string;
                        columns?: string[];
                        lines?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            job_id: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/{jobId}/download": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    jobId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file (CSV: UTF-8 with BOM, CRLF, RFC 4180; XLSX: one sheet) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv; charset=utf-8": string;
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description multipart/form-data with one file field `file` (CSV or XLSX) */
        post: {
            parameters: {
                query: {
                    object: "contacts" | "companies" | "orders" | "products";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    object?: "contacts" | "companies" | "orders" | "products";
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                object: string;
                                file_name: string;
                                format: string | null;
                                encoding: string | null;
                                status: string;
                                mode: string;
                                match: string | null;
                                rows_read: number;
                                rows_total: number | null;
                                rows_created: number;
                                rows_updated: number;
                                rows_unchanged: number;
                                rows_failed: number;
                                error: ({
                                    code: string;
                                    message: string;
                                } & {
                                    [key: string]: unknown;
                                }) | null;
                                job_id: string | null;
                                undo_job_id: string | null;
                                undo_result: {
                                    [key: string]: unknown;
                                } | null;
                                created_by_name: string | null;
                                created_at: string;
                                started_at: string | null;
                                finished_at: string | null;
                                undone_at: string | null;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        upload_id: string;
                        /** @enum {unknown} */
                        object: "contacts" | "companies" | "orders" | "products";
                        mapping?: {
                            [key: string]: string | null;
                        };
                        /** @enum {unknown} */
                        mode?: "create" | "update" | "upsert";
                        match?: string | null;
                        create_custom_fields?: boolean;
                        identifier_fields?: string[];
                        all_or_nothing?: boolean;
                        create_missing_contacts?: boolean;
                        save_mapping_as?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            job_id: string;
                            batch_id: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            object: string;
                            file_name: string;
                            format: string | null;
                            encoding: string | null;
                            status: string;
                            mode: string;
                            match: string | null;
                            rows_read: number;
                            rows_total: number | null;
                            rows_created: number;
                            rows_updated: number;
                            rows_unchanged: number;
                            rows_failed: number;
                            error: ({
                                code: string;
                                message: string;
                            } & {
                                [key: string]: unknown;
                            }) | null;
                            job_id: string | null;
                            undo_job_id: string | null;
                            undo_result: {
                                [key: string]: unknown;
                            } | null;
                            created_by_name: string | null;
                            created_at: string;
                            started_at: string | null;
                            finished_at: string | null;
                            undone_at: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{id}/errors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                row: number;
                                column: string | null;
                                code: string;
                                message: string;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{id}/errors.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{id}/undo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
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
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            job_id: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/import-mappings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    object?: "contacts" | "companies" | "orders" | "products";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                name: string;
                                object: string;
                                mapping: {
                                    [key: string]: string | null;
                                };
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/import-mappings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: {
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
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/data-quality": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query: {
                    object: "contacts" | "companies";
                    /** @description no update, activity or order in this many months */
                    stale_months?: number;
                    trend_days?: number;
                    /** @description measure now: otherwise a caller who sees the whole workspace gets today's snapshot when it is less than 10 minutes old */
                    refresh?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            object: "contacts" | "companies";
                            /** @description live records the caller may see */
                            total: number;
                            /** @description fields hidden from the caller are left out */
                            completeness: {
                                /** @description a column name, or attributes.<key> for a custom field */
                                field: string;
                                label: string;
                                label_zh: string | null;
                                custom: boolean;
                                filled: number;
                                ratio: number;
                            }[];
                            invalid: {
                                field: string;
                                /** @description EMAIL_INVALID, PHONE_NOT_E164, BIRTHDAY_IN_FUTURE, BIRTHDAY_BEFORE_1900, DOMAIN_INVALID */
                                code: string;
                                count: number;
                            }[];
                            stale: {
                                months: number;
                                count: number;
                            };
                            /** @description open pairs whose two records the caller may see */
                            open_duplicates: number;
                            /** @description when these figures were measured */
                            measured_at: string;
                            /** @description The trend is made of workspace-wide daily snapshots: only callers whose data scope is the whole workspace get it. */
                            trend_available: boolean;
                            trend: {
                                /** @description YYYY-MM-DD, the workspace's local date */
                                day: string;
                                total: number;
                                /** @description mean fill ratio over the measured fields, 0..1 */
                                completeness: number;
                                invalid: number;
                                open_duplicates: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/data-quality/snapshots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description omitted: contacts and companies
                         * @enum {unknown}
                         */
                        object?: "contacts" | "companies";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            job_id: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/merges": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query: {
                    object: "contacts" | "companies";
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                /** @enum {unknown} */
                                object: "contacts" | "companies";
                                survivor_id: string;
                                merged_id: string;
                                merged_display_name: string | null;
                                created_at: string;
                                created_by_name: string | null;
                                undone_at: string | null;
                                moved: {
                                    [key: string]: number;
                                };
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {unknown} */
                        object: "contacts" | "companies";
                        survivor_id: string;
                        merged_id: string;
                        /** @description per field (or attributes.<key>), which record's value survives; default: the survivor's unless empty, lists and tags united */
                        fields?: {
                            [key: string]: "survivor" | "merged";
                        };
                        pair_id?: string;
                        survivor_version?: number;
                        merged_version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            merge: {
                                id: string;
                                /** @enum {unknown} */
                                object: "contacts" | "companies";
                                survivor_id: string;
                                merged_id: string;
                                merged_display_name: string | null;
                                created_at: string;
                                created_by_name: string | null;
                                undone_at: string | null;
                                moved: {
                                    [key: string]: number;
                                };
                            };
                            /** @description the surviving record, as GET /contacts/:id (or /companies/:id) returns it */
                            survivor: {
                                id: string;
                                version: number;
                                first_name: string | null;
                                last_name: string | null;
                                display_name: string | null;
                                emails: {
                                    value: string;
                                    label: string | null;
                                }[];
                                phones: {
                                    value: string;
                                    label: string | null;
                                }[];
                                email: string | null;
                                phone: string | null;
                                gender: string | null;
                                birthday: string | null;
                                street: string | null;
                                city: string | null;
                                region: string | null;
                                postcode: string | null;
                                country: string | null;
                                source: string | null;
                                lifecycle_stage: string | null;
                                value_tier: string | null;
                                /** @description null when unassigned, or when the role hides owner_id */
                                owner_id: string | null;
                                /** @description null when the role hides owner_id */
                                owner_name: string | null;
                                /** @description null when none, or when the role hides company_id */
                                company_id: string | null;
                                /** @description null when the role hides company_id or the company's name */
                                company_name: string | null;
                                /** @description null only when the role hides consent_email */
                                consent_email: boolean | null;
                                /** @description null only when the role hides consent_sms */
                                consent_sms: boolean | null;
                                /** @description [] when the role hides tags */
                                tags: string[];
                                attributes: {
                                    [key: string]: unknown;
                                };
                                external_id: string | null;
                                created_at: string;
                                updated_at: string;
                            } | {
                                id: string;
                                version: number;
                                name: string | null;
                                domain: string | null;
                                industry: string | null;
                                phone: string | null;
                                email: string | null;
                                website: string | null;
                                street: string | null;
                                city: string | null;
                                region: string | null;
                                postcode: string | null;
                                country: string | null;
                                /** @description null when unassigned, or when the role hides owner_id */
                                owner_id: string | null;
                                /** @description null when the role hides owner_id */
                                owner_name: string | null;
                                /** @description [] when the role hides tags */
                                tags: string[];
                                attributes: {
                                    [key: string]: unknown;
                                };
                                external_id: string | null;
                                created_at: string;
                                updated_at: string;
                                contact_count: number;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/merges/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {unknown} */
                        object: "contacts" | "companies";
                        min_score: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            job_id: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/merges/{id}/undo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            merge: {
                                id: string;
                                /** @enum {unknown} */
                                object: "contacts" | "companies";
                                survivor_id: string;
                                merged_id: string;
                                merged_display_name: string | null;
                                created_at: string;
                                created_by_name: string | null;
                                undone_at: string | null;
                                moved: {
                                    [key: string]: number;
                                };
                            };
                            conflicts: {
                                field: string;
                                reason: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/duplicates/scans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {unknown} */
                        object: "contacts" | "companies";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            job_id: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/duplicates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query: {
                    object: "contacts" | "companies";
                    status?: "open" | "dismissed" | "merged";
                    min_score?: number;
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                /** @enum {unknown} */
                                object: "contacts" | "companies";
                                score: number;
                                /** @enum {unknown} */
                                status: "open" | "dismissed" | "merged";
                                reasons: {
                                    /** @description name, email, phone, birthday, street, postcode, city, region, country, domain or attributes.<key> */
                                    field: string;
                                    /** @enum {unknown} */
                                    kind: "exact" | "similar" | "different";
                                    similarity: number;
                                    /** @description English, e.g. "same email", "similar name (0.93)", "different phone" */
                                    text: string;
                                }[];
                                a: {
                                    id: string;
                                    external_id: string | null;
                                    display_name: string | null;
                                    email: string | null;
                                    phone: string | null;
                                    city: string | null;
                                    updated_at: string;
                                };
                                b: {
                                    id: string;
                                    external_id: string | null;
                                    display_name: string | null;
                                    email: string | null;
                                    phone: string | null;
                                    city: string | null;
                                    updated_at: string;
                                };
                                created_at: string;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/duplicates/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query: {
                    object: "contacts" | "companies";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            object: "contacts" | "companies";
                            threshold: number;
                            weights: {
                                [key: string]: number;
                            };
                            defaults: {
                                threshold: number;
                                weights: {
                                    [key: string]: number;
                                };
                            };
                        };
                    };
                };
            };
        };
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {unknown} */
                        object: "contacts" | "companies";
                        threshold: number;
                        /** @description evidence in bits per field; 0 leaves a field out */
                        weights: {
                            [key: string]: number;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            object: "contacts" | "companies";
                            threshold: number;
                            weights: {
                                [key: string]: number;
                            };
                            defaults: {
                                threshold: number;
                                weights: {
                                    [key: string]: number;
                                };
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/duplicates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {unknown} */
                            object: "contacts" | "companies";
                            score: number;
                            /** @enum {unknown} */
                            status: "open" | "dismissed" | "merged";
                            reasons: {
                                /** @description name, email, phone, birthday, street, postcode, city, region, country, domain or attributes.<key> */
                                field: string;
                                /** @enum {unknown} */
                                kind: "exact" | "similar" | "different";
                                similarity: number;
                                /** @description English, e.g. "same email", "similar name (0.93)", "different phone" */
                                text: string;
                            }[];
                            a: {
                                id: string;
                                external_id: string | null;
                                display_name: string | null;
                                email: string | null;
                                phone: string | null;
                                city: string | null;
                                updated_at: string;
                            };
                            b: {
                                id: string;
                                external_id: string | null;
                                display_name: string | null;
                                email: string | null;
                                phone: string | null;
                                city: string | null;
                                updated_at: string;
                            };
                            created_at: string;
                        } & {
                            fields: {
                                key: string;
                                label: string;
                                a: string | null;
                                b: string | null;
                                /** @enum {unknown} */
                                suggested: "a" | "b";
                                /** @description the caller's role may not change this field: a merge keeps the surviving record's value (no fill from the other record, no union of tags or lists), and choosing the other value is refused */
                                read_only: boolean;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/duplicates/{id}/dismiss": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {unknown} */
                            object: "contacts" | "companies";
                            score: number;
                            /** @enum {unknown} */
                            status: "open" | "dismissed" | "merged";
                            reasons: {
                                /** @description name, email, phone, birthday, street, postcode, city, region, country, domain or attributes.<key> */
                                field: string;
                                /** @enum {unknown} */
                                kind: "exact" | "similar" | "different";
                                similarity: number;
                                /** @description English, e.g. "same email", "similar name (0.93)", "different phone" */
                                text: string;
                            }[];
                            a: {
                                id: string;
                                external_id: string | null;
                                display_name: string | null;
                                email: string | null;
                                phone: string | null;
                                city: string | null;
                                updated_at: string;
                            };
                            b: {
                                id: string;
                                external_id: string | null;
                                display_name: string | null;
                                email: string | null;
                                phone: string | null;
                                city: string | null;
                                updated_at: string;
                            };
                            created_at: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    unread_only?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                /** @enum {unknown} */
                                kind: "assignment" | "mention" | "task_due" | "task_overdue";
                                title: string;
                                /** @description Parts of the sentence; `title` is the same sentence in English, for kinds a client does not know */
                                payload: {
                                    actor_name: string | null;
                                    task_title: string | null;
                                    record_type: "contact" | "company" | null;
                                    record_name: string | null;
                                    due_at: string | null;
                                };
                                link: string | null;
                                read_at: string | null;
                                created_at: string;
                            }[];
                            next_cursor: string | null;
                            unread: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            updated: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {unknown} */
                            kind: "assignment" | "mention" | "task_due" | "task_overdue";
                            title: string;
                            /** @description Parts of the sentence; `title` is the same sentence in English, for kinds a client does not know */
                            payload: {
                                actor_name: string | null;
                                task_title: string | null;
                                record_type: "contact" | "company" | null;
                                record_name: string | null;
                                due_at: string | null;
                            };
                            link: string | null;
                            read_at: string | null;
                            created_at: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
