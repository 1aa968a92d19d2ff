export function BorrowersPage() { return null; }
