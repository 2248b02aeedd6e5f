-- Many citeproc renders in one pandoc process (`pandoc lua citeproc.lua < jobs.json`), used by
-- scripts/citing/csl.py: each pandoc process costs more than the formatting itself.
--
-- Input (stdin): a JSON array of jobs {text, bibliography, csl}: a Markdown document, the path
-- of its CSL-JSON references and the path of its CSL style. Output (stdout): a JSON object
-- mapping each job's position ("1", "2", ...) to its HTML, exactly what
-- `pandoc -f markdown -t html --citeproc --bibliography B --csl C --wrap=none` writes.
local jobs = pandoc.json.decode(io.read('a'), false)
local out = {}
for i, job in ipairs(jobs) do
  local doc = pandoc.read(job.text, 'markdown')
  doc.meta.bibliography = job.bibliography
  doc.meta.csl = job.csl
  out[tostring(i)] = pandoc.write(pandoc.utils.citeproc(doc), 'html', {wrap_text = 'wrap-none'})
end
io.write(pandoc.json.encode(out))
