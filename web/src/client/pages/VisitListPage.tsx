export default function VisitListPage() { return null; }
