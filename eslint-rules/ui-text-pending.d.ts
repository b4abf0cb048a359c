export declare const UI_TEXT_PENDING: readonly string[];
