/** The warning element's name: a stable hook for tests and helpdesk (policy contract). */
export const WARNING_TAG = 'signpost-warning';
