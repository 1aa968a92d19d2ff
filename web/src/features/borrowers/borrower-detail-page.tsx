export function BorrowerDetailPage() { return null; }
