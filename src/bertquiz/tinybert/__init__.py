"""The tiny BERT: a real `transformers.BertForPreTraining`, pre-trained here on two CPU cores.

Modules, one job each: `config` (sizes), `corpus` (documents, held-out split, hash),
`tokenizer` (WordPiece), `data` (NSP pairs, MLM masking), `objective` (the loss), `train`
(the loop), `evaluate` (held-out metrics), `checkpoint` (files), `render` (Rich views).
Importing this package imports nothing heavy; torch comes with `data`, `train`, `evaluate`.
"""

__all__: list[str] = []
