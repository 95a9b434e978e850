// Reads a JSON-stat 2.0 document (a file named on the command line) with the JSON-stat JavaScript toolkit, as an
// analyst's JavaScript would, and prints what the toolkit understood: the dimensions with their categories and labels
// in order, the sizes, and every cell's value and status, row-major. outcomes-service's PxWebApiIT compares it with
// the API's CSV. Exits non-zero when the toolkit cannot read the document.
import { readFileSync } from "node:fs";
import JSONstat from "jsonstat-toolkit";

const document = JSON.parse(readFileSync(process.argv[2], "utf8"));
const dataset = JSONstat(document);
if (dataset.class !== "dataset" || dataset.length === 0) {
  console.error("the toolkit did not read a dataset: class " + dataset.class);
  process.exit(2);
}
const dimensions = dataset.id.map((id) => {
  const dimension = dataset.Dimension(id);
  return {
    id,
    label: dimension.label,
    role: dimension.role,
    categories: dimension.id.map((code, i) => ({ code, label: dimension.Category(i).label })),
  };
});
// metadata has no values (an empty sparse value object): the toolkit then has no Data, and cells is null
const data = dataset.Data();
const cells = data === null ? null : data.map((cell) => ({ value: cell.value, status: cell.status }));
process.stdout.write(JSON.stringify({ label: dataset.label, size: dataset.size, dimensions, cells }));
