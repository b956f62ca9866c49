// How long the single-use links we email stay valid (shared with the pages that mention them).
export const CONFIRM_TTL_HOURS = 48
export const CONFIRM_EMAIL_HOURS = 48
export const RESET_MINUTES = 60
export const SIGN_IN_MINUTES = 30
export const INVITATION_DAYS = 7
