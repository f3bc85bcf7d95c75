import { render } from "preact";
import { App } from "./App";
import "./styles.css";
import "./workspace.css";

render(<App />, document.getElementById("app")!);
