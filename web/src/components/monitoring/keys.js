// The figures of GET /monitoring in the order the page shows them, and those with a list of cases
// (`lists`) under a tab.
export const COUNT_KEYS = [
  'in_progress', 'near_expiry', 'overdue', 'extended', 'returned', 'in_custody', 'awaiting_chief', 'flagged',
  'notices_awaiting_reply', 'reports_awaiting',
]
export const LIST_KEYS = ['overdue', 'near_expiry', 'awaiting_chief', 'flagged', 'extended', 'returned', 'in_custody']
