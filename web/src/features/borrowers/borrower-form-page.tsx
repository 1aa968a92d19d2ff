export function BorrowerCreatePage() { return null; }
export function BorrowerEditPage() { return null; }
