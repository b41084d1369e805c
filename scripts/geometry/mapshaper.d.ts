/** Minimal typing of the part of mapshaper's Node API used by the build scripts. */
declare module 'mapshaper' {
	/** Input "files" by name: text content or parsed GeoJSON/TopoJSON objects. */
	type Inputs = Record<string, string | object>;
	interface Mapshaper {
		/** Runs a command line; resolves to the `-o` outputs by file name. */
		applyCommands(commands: string, input?: Inputs): Promise<Record<string, string>>;
	}
	const mapshaper: Mapshaper;
	export default mapshaper;
}
