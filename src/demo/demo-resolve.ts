/** How the demo seeders get the app's services (a Nest application's `get`), shared so they need not import each other. */
export type Resolve = <S>(cls: abstract new (...args: never[]) => S) => S;
