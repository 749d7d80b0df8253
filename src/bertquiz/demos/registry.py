"""The demos: names, the module that runs each, and a line about each in ru / zh / en."""

from __future__ import annotations

from dataclasses import dataclass

from bertquiz.bank.constants import DEMO_NAMES
from bertquiz.errors import BertquizError


@dataclass(frozen=True)
class DemoInfo:
    name: str
    summary: dict[str, str]  # lang -> one line
    takes_text: str = ""  # what TEXT means for this demo ("" if it takes none)

    @property
    def module(self) -> str:
        return f"bertquiz.demos.{self.name}"


DEMOS: dict[str, DemoInfo] = {
    d.name: d
    for d in (
        DemoInfo(
            "mlm",
            {
                "en": "15% of positions chosen, 80/10/10 replacement, top-k predictions, the loss over chosen positions",
                "ru": "15% позиций, замена 80/10/10, top-k предсказания, лосс только по выбранным позициям",
                "zh": "选 15% 的位置、80/10/10 替换、top-k 预测、只在被选位置上算损失",
            },
            "a sentence, optionally with [MASK] in it",
        ),
        DemoInfo(
            "nsp",
            {
                "en": "IsNext / NotNext pairs, [CLS] A [SEP] B [SEP], segment ids, the NSP head's probability",
                "ru": "пары IsNext / NotNext, [CLS] A [SEP] B [SEP], segment ids, вероятность NSP-головы",
                "zh": "IsNext / NotNext 句对、[CLS] A [SEP] B [SEP]、段 id、NSP 头的概率",
            },
            "two sentences A and B",
        ),
        DemoInfo(
            "embeddings",
            {
                "en": "token + segment + position embeddings: shapes, the sum checked against the model, learned positions",
                "ru": "эмбеддинги токена + сегмента + позиции: формы, сумма против модели, обучаемые позиции",
                "zh": "词元 + 段 + 位置嵌入：形状、与模型输出核对的求和、可学习的位置",
            },
            "a sentence, or two (segments A and B)",
        ),
        DemoInfo(
            "tokenize",
            {
                "en": "WordPiece with ##, one token per Chinese character, [UNK], ids, padding and the attention mask",
                "ru": "WordPiece и ##, один токен на китайский иероглиф, [UNK], id, паддинг и маска внимания",
                "zh": "WordPiece 与 ##、中文一字一词元、[UNK]、id、填充与注意力掩码",
            },
            "one or more texts",
        ),
        DemoInfo(
            "cls",
            {
                "en": "fine-tune [CLS] + a linear layer on a small labelled set: loss curve, held-out accuracy",
                "ru": "дообучение [CLS] + линейный слой на маленьком размеченном наборе: кривая лосса, точность",
                "zh": "在小标注集上微调 [CLS] + 线性层：损失曲线、留出集准确率",
            },
            "a sentence to classify",
        ),
        DemoInfo(
            "token",
            {
                "en": "token classification (NER-style tags), labels on the first sub-token of each word",
                "ru": "классификация токенов (теги как в NER), метка на первом сабтокене слова",
                "zh": "词元分类（NER 式标签），标签放在每个词的第一个子词上",
            },
            "a sentence to tag",
        ),
        DemoInfo(
            "qa",
            {
                "en": "span extraction: start and end logits, the best span with end >= start, [CLS] as no-answer",
                "ru": "извлечение спана: логиты начала и конца, лучший спан с end >= start, [CLS] как «нет ответа»",
                "zh": "片段抽取：起止 logits、end >= start 的最佳片段、[CLS] 表示无答案",
            },
            "a question and a passage",
        ),
        DemoInfo(
            "attention",
            {
                "en": "padding and the attention mask: the additive mask, ~0 weight on padding, real outputs unchanged",
                "ru": "паддинг и маска внимания: аддитивная маска, ~0 веса на паддинге, выходы реальных токенов не меняются",
                "zh": "填充与注意力掩码：加性掩码、填充处权重约为 0、真实词元的输出不变",
            },
            "a sentence",
        ),
        DemoInfo(
            "features",
            {
                "en": "feature-based (frozen encoder + head) against full fine-tuning: accuracy and trainable parameters",
                "ru": "feature-based (замороженный энкодер + голова) против полного дообучения: точность и обучаемые параметры",
                "zh": "基于特征（冻结编码器 + 头）对比全量微调：准确率与可训练参数量",
            },
        ),
    )
}
assert tuple(DEMOS) == DEMO_NAMES, "the bank format and the registry must name the same demos"


def get_demo(name: str) -> DemoInfo:
    if name not in DEMOS:
        raise BertquizError(f"no demo named '{name}' (demos: {', '.join(DEMOS)})")
    return DEMOS[name]


__all__ = ["DEMOS", "DemoInfo", "get_demo"]
