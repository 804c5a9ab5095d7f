// Problems of knowledge-base files, one row each (file, entry, field, message):
// the bundled base's banner and a refused content pack show them alike.
import type { KbProblem } from '@shared/kb/types'

export function ProblemTable({
  problems,
  caption,
  id,
  className = 'problems',
}: {
  problems: readonly KbProblem[]
  caption: string
  id?: string
  className?: string
}) {
  return (
    <table className={className} id={id}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Fichier</th>
          <th scope="col">Entrée</th>
          <th scope="col">Champ</th>
          <th scope="col">Problème</th>
        </tr>
      </thead>
      <tbody>
        {problems.map((p, i) => (
          <tr key={i}>
            <td>
              <code>{p.file}</code>
            </td>
            <td>{p.entry === null ? '—' : <code>{p.entry}</code>}</td>
            <td>{p.field === null ? '—' : <code>{p.field}</code>}</td>
            <td>{p.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
